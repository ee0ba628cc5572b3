// The custom subdomain an account needs for Entra ID tokens, network ACLs and private endpoints: a fix that
// must add one proposes the account's own name, when that name is a known literal that is a valid label.
import type { EditValue, Resource } from '../../server/src/model';

const validSubdomain = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/** `customSubDomainName` to propose for `account`, or undefined when its name is not a usable literal. */
export function proposedSubdomain(account: Resource): string | undefined {
  const name = account.get('name');
  if (name?.kind !== 'literal' || typeof name.value !== 'string') return undefined;
  const label = name.value.toLowerCase();
  return validSubdomain.test(label) ? label : undefined;
}

/** True when the account sets a custom subdomain (known or not): the edits of other fixes may rely on it. */
export function hasSubdomain(account: Resource): boolean {
  return account.get('properties.customSubDomainName') !== undefined;
}

export function subdomainEdit(account: Resource): readonly [string, EditValue] | undefined {
  const proposed = proposedSubdomain(account);
  return proposed === undefined ? undefined : ['properties.customSubDomainName', proposed];
}
