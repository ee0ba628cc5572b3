// AIS-ML-V1-LEGACY (matrix row 22): with the v2 API most workspace operations (jobs, datastores, endpoints)
// go through public Azure Resource Manager with their metadata and parameters, even when the workspace has
// a private endpoint; v1LegacyMode keeps the v1 isolation by blocking the v2 API. Low severity and narrow
// on purpose: the v1 API is deprecated and the mode disables v2 features, so the rule applies only to
// workspaces that disable public network access (where isolation is the point), never to AI Foundry hubs or
// projects (v2 only).
import { defineRule, equals, judge, oneOf, requireProperty } from '../../server/src/model';
import { appliesWhen } from './applicability';
import { WORKSPACE_TYPE } from './shared';

const V1 = 'properties.v1LegacyMode';

export default defineRule({
  meta: {
    id: 'AIS-ML-V1-LEGACY',
    title: 'Keep v1 network isolation on private Machine Learning workspaces (v1 legacy mode)',
    severity: 'low',
    pillar: 'network',
    resourceTypes: [WORKSPACE_TYPE],
    peers: {
      policy: [
        'Azure Machine Learning workspaces should enable V1LegacyMode to support network isolation backward compatibility',
      ],
    },
  },
  check(context) {
    for (const workspace of context.resources) {
      const isolated = judge(workspace.get('properties.publicNetworkAccess'), equals('Disabled'), 'fail');
      if (isolated.outcome !== 'pass') continue;
      appliesWhen(
        context,
        workspace,
        {
          path: 'kind',
          applies: (kind) => !oneOf('Hub', 'Project')(kind),
          absent: true,
          secureState: 'keeps its API metadata in the private network (v1 legacy mode)',
          scope: 'the rule skips AI Foundry hubs and projects',
        },
        (inner) =>
          requireProperty(inner, workspace, {
            path: V1,
            isSecure: equals(true),
            absent: 'fail',
            describe: {
              secureState: 'keeps its API metadata in the private network (v1 legacy mode)',
              problem:
                'is network-isolated, but its v2 API operations send metadata and parameters through public Azure Resource Manager',
              remedy: {
                arm: 'set properties.v1LegacyMode to true if that metadata must stay in the private network (this blocks the v2 API and its features), or suppress with the reason it may not',
                azurerm:
                  'set v1_legacy_mode_enabled = true if that metadata must stay in the private network (this blocks the v2 API and its features), or suppress with the reason it may not',
              },
              setting: { arm: V1, azurerm: 'v1_legacy_mode_enabled' },
            },
          }),
      );
    }
  },
});
