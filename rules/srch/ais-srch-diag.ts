// AIS-SRCH-DIAG (matrix row 38): search operation logs (queries, indexing, who called with which identity)
// are only kept when a diagnostic setting sends them somewhere.
import { defineRule, findDiagnosticSetting, reportDiagnostics } from '../../server/src/model';
import { SEARCH_TYPE } from './shared';

export default defineRule({
  meta: {
    id: 'AIS-SRCH-DIAG',
    title: 'Send AI Search service logs to a diagnostic destination',
    severity: 'low',
    pillar: 'monitoring',
    resourceTypes: [SEARCH_TYPE],
    peers: { policy: ['Resource logs in Search services should be enabled'] },
  },
  check(context) {
    for (const service of context.resources) {
      reportDiagnostics(context, service, findDiagnosticSetting(context.workspace, service), {
        secureState: 'sends its logs to a diagnostic destination',
        enableLogs: {
          arm: "enable the 'allLogs' (or 'audit') category group, or the 'OperationLogs' category, in its logs",
          azurerm: 'add enabled_log { category_group = "allLogs" }',
        },
      });
    }
  },
});
