// AIS-ML-DATASTORE-IDENTITY (matrix row 21): the workspace reaches its default (system) datastores with its
// managed identity instead of the storage account key it would otherwise store. Absent = access key.
import { defineRule, dialectOf, oneOf, requireProperty, setFix } from '../../server/src/model';
import { unlessProject, WORKSPACE_TYPE } from './shared';

const MODE = 'properties.systemDatastoresAuthMode';

export default defineRule({
  meta: {
    id: 'AIS-ML-DATASTORE-IDENTITY',
    title: 'Access Machine Learning system datastores with the workspace identity, not storage keys',
    severity: 'medium',
    pillar: 'identity',
    resourceTypes: [WORKSPACE_TYPE],
    peers: {},
    fix: 'safe',
  },
  check(context) {
    for (const workspace of context.resources) {
      unlessProject(context, workspace, 'accesses its system datastores with its identity', (inner) => {
        requireProperty(inner, workspace, {
          path: MODE,
          isSecure: oneOf('identity'),
          // Absent: the storage account key ('accessKey').
          absent: 'fail',
          describe: {
            secureState: 'accesses its system datastores with its identity',
            problem: 'accesses its default storage with the storage account key',
            remedy: {
              arm: "set properties.systemDatastoresAuthMode to 'identity'",
              azurerm:
                'set system_datastores_auth_mode = "identity" if your azurerm version has it, or add an azapi_update_resource that sets body.properties.systemDatastoresAuthMode = "identity"',
            },
            setting: { arm: MODE, azurerm: 'system_datastores_auth_mode' },
          },
          // Not every azurerm version has the attribute: no edit is offered there.
          fix: (resource) =>
            dialectOf(resource) === 'azurerm'
              ? undefined
              : setFix(resource, MODE, 'identity', "Set systemDatastoresAuthMode to 'identity'", 'safe'),
        });
      });
    }
  },
});
