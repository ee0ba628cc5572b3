// AIS-COG-DIAG (matrix row 10): who called which model with which identity is only recorded when a
// diagnostic setting sends the account's logs (audit, request/response) somewhere they are kept.
import { defineRule, findDiagnosticSetting, reportDiagnostics } from '../../server/src/model';
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
      reportDiagnostics(context, account, findDiagnosticSetting(context.workspace, account), {
        secureState: 'sends its logs to a diagnostic destination',
      });
    }
  },
});
