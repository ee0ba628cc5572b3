// What the AIS-SRCH rules share: the AI Search type and the SKU filter (the free tier supports neither
// private endpoints, managed identities nor customer-managed keys).
import { oneOf, type Phrase, type Resource, type RuleContext } from '../../server/src/model';
import { appliesWhen } from '../ml/applicability';

export const SEARCH_TYPE = 'Microsoft.Search/searchServices';

/** Runs `check` unless the service is on the free tier (an unknown SKU is checked when the check fails). */
export function unlessFree(
  context: RuleContext,
  service: Resource,
  secureState: Phrase,
  check: (context: RuleContext) => void,
): void {
  appliesWhen(
    context,
    service,
    {
      path: 'sku.name',
      applies: (sku) => !oneOf('free')(sku),
      absent: true,
      secureState,
      scope: 'the free tier does not support it and is skipped',
    },
    check,
  );
}

/** Whether the service's public endpoint is known to be off ('disabled', or governed by a perimeter). */
export function publicAccessOff(service: Resource): boolean {
  const value = service.get('properties.publicNetworkAccess');
  return value?.kind === 'literal' && oneOf('disabled', 'securedByPerimeter')(value.value) === true;
}
