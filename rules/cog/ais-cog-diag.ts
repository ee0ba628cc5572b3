// AIS-COG-DIAG (matrix row 10): who called which model with which identity is only recorded when a
// diagnostic setting sends the account's logs (audit, request/response) somewhere they are kept.
import {
  cannotVerify,
  capitalize,
  defineRule,
  findDiagnosticSetting,
  phrase,
  resourceLabel,
} from '../../server/src/model';
import { ACCOUNT_TYPE } from './shared';

export default defineRule({
  meta: {
    id: 'AIS-COG-DIAG',
    title: 'Send AI Services account logs to a diagnostic destination',
    severity: 'medium',
    pillar: 'monitoring',
    resourceTypes: [ACCOUNT_TYPE],
    peers: { policy: ['Diagnostic logs in Azure AI services resources should be enabled'] },
  },
  check(context) {
    for (const account of context.resources) {
      const search = findDiagnosticSetting(context.workspace, account);
      if (search.match === 'yes') continue;
      const setting = search.resource;
      const related = setting
        ? [{ uri: setting.uri, span: setting.headerSpan, message: `Diagnostic setting '${setting.displayName}'` }]
        : undefined;
      if (search.match === 'unknown') {
        context.report({
          resource: account,
          certainty: 'unverifiable',
          message: cannotVerify(
            account,
            'sends its logs to a diagnostic destination',
            '',
            search.reason ?? 'a diagnostic setting is not known',
          ),
          related,
        });
        continue;
      }
      const label = capitalize(resourceLabel(account));
      if (setting && search.deficiency) {
        const remedy =
          search.deficiency === 'sends no logs'
            ? phrase(account, {
                arm: "enable the 'allLogs' (or 'audit') category group in its logs",
                azurerm: 'add enabled_log { category_group = "allLogs" }',
              })
            : phrase(account, {
                arm: 'set workspaceId (or storageAccountId or eventHubAuthorizationRuleId)',
                azurerm: 'set log_analytics_workspace_id (or storage_account_id or eventhub_authorization_rule_id)',
              });
        context.report({
          resource: account,
          message: `${label} has diagnostic setting '${setting.displayName}', but it ${search.deficiency}: ${remedy}.`,
          related,
        });
        continue;
      }
      context.report({
        resource: account,
        message: `${label} has no diagnostic setting that keeps its logs: ${phrase(account, {
          arm: "add a Microsoft.Insights/diagnosticSettings resource scoped to it that sends the 'allLogs' category group to a Log Analytics workspace",
          azurerm:
            'add an azurerm_monitor_diagnostic_setting with target_resource_id set to its id and enabled_log { category_group = "allLogs" }',
        })}.`,
      });
    }
  },
});
