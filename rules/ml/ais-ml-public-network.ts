// AIS-ML-PUBLIC-NETWORK (matrix row 16): the workspace (or AI Foundry hub) must not be reachable from public
// networks. Follows Azure Policy 438c38d2: an absent publicNetworkAccess is non-compliant (Checkov passes it).
import {
  defineRule,
  disablePublicNetworkAccessFix,
  equals,
  judge,
  reportJudgement,
  setFix,
} from '../../server/src/model';
import { isFoundryResource, unlessProject, WORKSPACE_TYPE } from './shared';

const PNA = 'properties.publicNetworkAccess';
const BEHIND_VNET = 'properties.allowPublicAccessWhenBehindVnet';

export default defineRule({
  meta: {
    id: 'AIS-ML-PUBLIC-NETWORK',
    title: 'Disable public network access to Machine Learning workspaces and AI Foundry hubs',
    severity: 'high',
    pillar: 'network',
    resourceTypes: [WORKSPACE_TYPE],
    peers: {
      checkov: ['CKV_AZURE_144', 'CKV2_AZURE_49'],
      psrule: ['Azure.ML.PublicAccess'],
      policy: [
        'Azure Machine Learning Workspaces should disable public network access',
        'Configure Azure Machine Learning Workspaces to disable public network access',
      ],
    },
    fix: 'safe',
  },
  check(context) {
    for (const workspace of context.resources) {
      // azurerm_ai_foundry takes a string: public_network_access = "Disabled".
      const attribute = isFoundryResource(workspace) ? 'public_network_access' : 'public_network_access_enabled';
      const assignment = isFoundryResource(workspace) ? `${attribute} = "Disabled"` : `${attribute} = false`;
      unlessProject(context, workspace, 'disables public network access', (inner) => {
        const access = judge(workspace.get(PNA), equals('Disabled'), 'fail');
        if (access.outcome !== 'pass') {
          reportJudgement(inner, workspace, access, {
            path: PNA,
            describe: {
              secureState: 'disables public network access',
              problem: access.absent
                ? 'is reachable from public networks (publicNetworkAccess is not set)'
                : 'is reachable from public networks',
              remedy: {
                arm: "set properties.publicNetworkAccess to 'Disabled'",
                azurerm: `set ${assignment}`,
              },
              setting: { arm: PNA, azurerm: attribute },
            },
            fix: disablePublicNetworkAccessFix,
          });
          return;
        }
        // The legacy flag re-opens public access for a workspace behind a VNet (PSRule Azure.ML.PublicAccess).
        const legacy = judge(workspace.get(BEHIND_VNET), equals(false), 'pass');
        reportJudgement(inner, workspace, legacy, {
          path: BEHIND_VNET,
          describe: {
            secureState: 'keeps public access closed behind its virtual network',
            problem: 'allows public access when behind a virtual network',
            remedy: {
              arm: 'remove properties.allowPublicAccessWhenBehindVnet or set it to false',
              azurerm: 'set public_access_behind_virtual_network_enabled = false',
            },
            setting: { arm: BEHIND_VNET, azurerm: 'public_access_behind_virtual_network_enabled' },
          },
          fix: (resource) =>
            setFix(
              resource,
              BEHIND_VNET,
              false,
              {
                arm: 'Set allowPublicAccessWhenBehindVnet to false',
                azurerm: 'Set public_access_behind_virtual_network_enabled = false',
              },
              'safe',
            ),
        });
      });
    }
  },
});
