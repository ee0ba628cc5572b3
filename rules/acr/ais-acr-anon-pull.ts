// AIS-ACR-ANON-PULL (matrix row 53): anonymous pull lets anyone on the network pull every image, including
// model-serving images that embed code, model files or configuration.
import { defineRule, equals, requireProperty, setFix } from '../../server/src/model';
import { REGISTRY_TYPE } from './shared';

export default defineRule({
  meta: {
    id: 'AIS-ACR-ANON-PULL',
    title: 'Disable anonymous pull on container registries',
    severity: 'high',
    pillar: 'identity',
    resourceTypes: [REGISTRY_TYPE],
    peers: {
      checkov: ['CKV_AZURE_138'],
      psrule: ['Azure.ACR.AnonymousAccess'],
      policy: ['Container registries should have anonymous authentication disabled.'],
    },
    fix: 'safe',
  },
  check(context) {
    for (const registry of context.resources) {
      requireProperty(context, registry, {
        path: 'properties.anonymousPullEnabled',
        isSecure: equals(false),
        // Absent: false.
        absent: 'pass',
        describe: {
          secureState: 'disables anonymous pull',
          problem: 'lets anyone pull its images without authentication',
          remedy: {
            arm: 'set properties.anonymousPullEnabled to false',
            azurerm: 'set anonymous_pull_enabled = false',
          },
          setting: { arm: 'properties.anonymousPullEnabled', azurerm: 'anonymous_pull_enabled' },
        },
        fix: (resource) =>
          setFix(
            resource,
            'properties.anonymousPullEnabled',
            false,
            { arm: 'Set anonymousPullEnabled to false', azurerm: 'Set anonymous_pull_enabled = false' },
            'safe',
          ),
      });
    }
  },
});
