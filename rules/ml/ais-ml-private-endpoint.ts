// AIS-ML-PRIVATE-ENDPOINT (matrix row 17): the workspace (or AI Foundry hub) is reached through an inbound
// private endpoint (group 'amlworkspace') in the customer's network, found anywhere in the workspace.
// Checkov's CKV_AZURE_243 looks at managed-network outbound rules instead, which is a different control.
import {
  defineRule,
  equals,
  findPrivateEndpoint,
  judge,
  privateEndpointFix,
  reportPrivateEndpoint,
} from '../../server/src/model';
import { withFixes } from './applicability';
import { unlessProject, WORKSPACE_TYPE } from './shared';

export default defineRule({
  meta: {
    id: 'AIS-ML-PRIVATE-ENDPOINT',
    title: 'Reach Machine Learning workspaces and AI Foundry hubs through a private endpoint',
    severity: 'medium',
    pillar: 'network',
    resourceTypes: [WORKSPACE_TYPE],
    peers: {
      checkov: ['CKV_AZURE_243'],
      policy: [
        'Azure Machine Learning workspaces should use private link',
        'Configure Azure Machine Learning workspaces with private endpoints',
        'Configure Azure Machine Learning workspace to use private DNS zones',
      ],
    },
    fix: 'unsafe',
  },
  check(context) {
    for (const workspace of context.resources) {
      unlessProject(context, workspace, 'has a private endpoint', (inner) => {
        const closed =
          judge(workspace.get('properties.publicNetworkAccess'), equals('Disabled'), 'fail').outcome === 'pass';
        reportPrivateEndpoint(
          withFixes(inner, [privateEndpointFix(workspace)]),
          workspace,
          findPrivateEndpoint(context.workspace, workspace, 'amlworkspace'),
          {
            arm: "add a Microsoft.Network/privateEndpoints resource that connects to it with groupIds ['amlworkspace']",
            azurerm:
              'add an azurerm_private_endpoint whose private_service_connection targets it with subresource_names = ["amlworkspace"]',
          },
          { closed },
        );
      });
    }
  },
});
