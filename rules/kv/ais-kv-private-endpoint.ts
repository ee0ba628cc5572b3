// AIS-KV-PRIVATE-ENDPOINT (matrix row 49): the vault holding CMK keys and connection secrets is reached
// through a private endpoint in the customer's network, found anywhere in the workspace.
import {
  defineRule,
  equals,
  findPrivateEndpoint,
  judge,
  privateEndpointFix,
  reportPrivateEndpoint,
} from '../../server/src/model';
import { VAULT_TYPE } from './shared';

export default defineRule({
  meta: {
    id: 'AIS-KV-PRIVATE-ENDPOINT',
    title: 'Reach key vaults through a private endpoint',
    severity: 'medium',
    pillar: 'network',
    resourceTypes: [VAULT_TYPE],
    fix: 'unsafe',
    peers: {
      checkov: ['CKV2_AZURE_32'],
      kics: ['dda11a20'],
      policy: ['Azure Key Vaults should use private link'],
    },
  },
  check(context) {
    for (const vault of context.resources) {
      const closed = judge(vault.get('properties.publicNetworkAccess'), equals('Disabled'), 'fail').outcome === 'pass';
      reportPrivateEndpoint(
        context,
        vault,
        findPrivateEndpoint(context.workspace, vault, 'vault'),
        {
          arm: "add a Microsoft.Network/privateEndpoints resource that connects to it with groupIds ['vault']",
          azurerm:
            'add an azurerm_private_endpoint whose private_service_connection targets it with subresource_names = ["vault"]',
        },
        { closed, fix: privateEndpointFix(vault) },
      );
    }
  },
});
