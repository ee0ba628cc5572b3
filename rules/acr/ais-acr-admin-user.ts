// AIS-ACR-ADMIN-USER (matrix row 52): the registry's admin user is a shared username/password with push and
// pull rights on every repository; pulls should use managed identities with AcrPull instead.
import { defineRule, disableLocalAuthFix, equals, requireProperty } from '../../server/src/model';
import { REGISTRY_TYPE } from './shared';

export default defineRule({
  meta: {
    id: 'AIS-ACR-ADMIN-USER',
    title: 'Disable the admin user on container registries',
    severity: 'high',
    pillar: 'identity',
    resourceTypes: [REGISTRY_TYPE],
    peers: {
      checkov: ['CKV_AZURE_137'],
      kics: ['b897dfbf'],
      psrule: ['Azure.ACR.AdminUser'],
      policy: ['Container registries should have local admin account disabled.'],
    },
    fix: 'safe',
  },
  check(context) {
    for (const registry of context.resources) {
      requireProperty(context, registry, {
        path: 'properties.adminUserEnabled',
        isSecure: equals(false),
        // Absent: false (the admin user is off by default, also in azurerm).
        absent: 'pass',
        describe: {
          secureState: 'disables the admin user',
          problem: 'enables the admin user, a shared password with push and pull rights',
          remedy: { arm: 'set properties.adminUserEnabled to false', azurerm: 'set admin_enabled = false' },
          setting: { arm: 'properties.adminUserEnabled', azurerm: 'admin_enabled' },
        },
        fix: disableLocalAuthFix,
      });
    }
  },
});
