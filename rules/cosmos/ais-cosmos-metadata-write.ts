// AIS-COSMOS-METADATA-WRITE (matrix row 66): account keys cannot change databases, containers, throughput
// or indexing; such changes go through Azure Resource Manager and its RBAC. Moot when keys are disabled.
import { defineRule, equals, judge, requireProperty, setFix } from '../../server/src/model';
import { COSMOS_TYPE } from './shared';

export default defineRule({
  meta: {
    id: 'AIS-COSMOS-METADATA-WRITE',
    title: 'Disable key-based metadata writes on Cosmos DB accounts',
    severity: 'medium',
    pillar: 'identity',
    resourceTypes: [COSMOS_TYPE],
    peers: {
      checkov: ['CKV_AZURE_132'],
      psrule: ['Azure.Cosmos.DisableMetadataWrite'],
      policy: ['Azure Cosmos DB key based metadata write access should be disabled'],
    },
    fix: 'safe',
  },
  check(context) {
    for (const account of context.resources) {
      // With key authentication disabled no key can write metadata (AIS-COSMOS-LOCAL-AUTH covers keys).
      if (judge(account.get('properties.disableLocalAuth'), equals(true), 'fail').outcome === 'pass') continue;
      requireProperty(context, account, {
        path: 'properties.disableKeyBasedMetadataWriteAccess',
        isSecure: equals(true),
        // Absent: false (keys may write metadata).
        absent: 'fail',
        describe: {
          secureState: 'disables key-based metadata writes',
          problem: 'lets its account keys change databases, containers and throughput',
          remedy: {
            arm: 'set properties.disableKeyBasedMetadataWriteAccess to true',
            azurerm: 'set access_key_metadata_writes_enabled = false',
          },
          setting: {
            arm: 'properties.disableKeyBasedMetadataWriteAccess',
            azurerm: 'access_key_metadata_writes_enabled',
          },
        },
        fix: (resource) =>
          setFix(
            resource,
            'properties.disableKeyBasedMetadataWriteAccess',
            true,
            {
              arm: 'Set disableKeyBasedMetadataWriteAccess to true',
              azurerm: 'Set access_key_metadata_writes_enabled = false',
            },
            'safe',
          ),
      });
    }
  },
});
