// AIS-SRCH-PRIVATE-ENDPOINT (matrix row 35): the search service is reached through a private endpoint (group
// 'searchService') in the customer's network, found anywhere in the workspace. The free tier cannot have one.
import {
  capitalize,
  defineRule,
  findPrivateEndpoint,
  oneOf,
  phrase,
  privateEndpointFix,
  reportPrivateEndpoint,
  resourceLabel,
} from '../../server/src/model';
import { withFixes } from '../ml/applicability';
import { publicAccessOff, SEARCH_TYPE } from './shared';

export default defineRule({
  meta: {
    id: 'AIS-SRCH-PRIVATE-ENDPOINT',
    title: 'Reach AI Search services through a private endpoint',
    severity: 'medium',
    pillar: 'network',
    resourceTypes: [SEARCH_TYPE],
    peers: {
      kics: ['dda11a20'],
      policy: [
        'Azure AI Services resources should use Azure Private Link',
        'Azure AI Search service should use a SKU that supports private link',
        'Configure Azure AI Search services with private endpoints',
      ],
    },
    fix: 'unsafe',
  },
  check(context) {
    for (const service of context.resources) {
      const search = findPrivateEndpoint(context.workspace, service, 'searchService');
      const sku = service.get('sku.name');
      if (search.match !== 'yes' && sku?.kind === 'literal' && oneOf('free')(sku.value) === true) {
        context.report({
          resource: service,
          path: 'sku.name',
          value: sku,
          message: `${capitalize(resourceLabel(service))} uses the free tier, which does not support private endpoints: ${phrase(
            service,
            {
              arm: "use sku.name 'basic' or higher and add a private endpoint with groupIds ['searchService']",
              azurerm:
                'use sku = "basic" or higher and add an azurerm_private_endpoint with subresource_names = ["searchService"]',
            },
          )}.`,
        });
        continue;
      }
      reportPrivateEndpoint(
        withFixes(context, [privateEndpointFix(service)]),
        service,
        search,
        {
          arm: "add a Microsoft.Network/privateEndpoints resource that connects to it with groupIds ['searchService']",
          azurerm:
            'add an azurerm_private_endpoint whose private_service_connection targets it with subresource_names = ["searchService"]',
        },
        { closed: publicAccessOff(service) },
      );
    }
  },
});
