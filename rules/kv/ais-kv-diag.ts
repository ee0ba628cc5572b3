// AIS-KV-DIAG (matrix row 50): every read of a key or secret is recorded only when a diagnostic setting
// keeps the vault's AuditEvent log (directly, or through the 'audit' / 'allLogs' category groups).
import { defineRule, findDiagnosticSetting, reportDiagnostics } from '../../server/src/model';
import { VAULT_TYPE } from './shared';

export default defineRule({
  meta: {
    id: 'AIS-KV-DIAG',
    title: 'Keep key vault audit logs',
    severity: 'medium',
    pillar: 'monitoring',
    resourceTypes: [VAULT_TYPE],
    peers: {
      psrule: ['Azure.KeyVault.Logs'],
      policy: ['Resource logs in Key Vault should be enabled'],
    },
  },
  check(context) {
    for (const vault of context.resources) {
      const search = findDiagnosticSetting(context.workspace, vault, {
        categoryGroups: ['allLogs', 'audit'],
        categories: ['AuditEvent'],
      });
      reportDiagnostics(context, vault, search, {
        secureState: 'keeps its audit logs',
        logs: 'its AuditEvent log',
        enableLogs: {
          arm: "enable the 'audit' (or 'allLogs') category group, or the 'AuditEvent' category, in its logs",
          azurerm: 'add enabled_log { category_group = "audit" } (or category = "AuditEvent")',
        },
        addSetting: {
          arm: "add a Microsoft.Insights/diagnosticSettings resource scoped to it that sends the 'audit' category group to a Log Analytics workspace",
          azurerm:
            'add an azurerm_monitor_diagnostic_setting with target_resource_id set to its id and enabled_log { category_group = "audit" }',
        },
      });
    }
  },
});
