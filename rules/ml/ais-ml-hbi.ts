// AIS-ML-HBI (matrix row 20): a high-business-impact workspace reduces the diagnostic data Microsoft
// collects and encrypts the local scratch disks of its compute. The flag is fixed at creation.
import { defineRule, equals, requireProperty, setFix } from '../../server/src/model';
import { isFoundryResource, unlessProject, WORKSPACE_TYPE } from './shared';

const HBI = 'properties.hbiWorkspace';

export default defineRule({
  meta: {
    id: 'AIS-ML-HBI',
    title: 'Mark Machine Learning workspaces that hold sensitive data as high business impact',
    severity: 'low',
    pillar: 'encryption',
    resourceTypes: [WORKSPACE_TYPE],
    peers: { checkov: ['CKV2_AZURE_50'] },
    fix: 'unsafe',
  },
  check(context) {
    for (const workspace of context.resources) {
      const attribute = isFoundryResource(workspace) ? 'high_business_impact_enabled' : 'high_business_impact';
      unlessProject(context, workspace, 'is marked as high business impact', (inner) => {
        requireProperty(inner, workspace, {
          path: HBI,
          isSecure: equals(true),
          // Absent: false.
          absent: 'fail',
          describe: {
            secureState: 'is marked as high business impact',
            problem: 'is not marked as high business impact, so compute scratch disks are not encrypted',
            remedy: {
              arm: 'set properties.hbiWorkspace to true when it holds sensitive data',
              azurerm: `set ${attribute} = true when it holds sensitive data`,
            },
            setting: { arm: HBI, azurerm: attribute },
          },
          // Unsafe: the flag can only be set when the workspace is created (azurerm: ForceNew).
          fix: (resource) =>
            setFix(
              resource,
              HBI,
              true,
              { arm: 'Set hbiWorkspace to true', azurerm: `Set ${attribute} = true` },
              'unsafe',
            ),
        });
      });
    }
  },
});
