// AIS-ML-DIAG (matrix row 24): workspace logs (compute and job events, data access, model deployment and
// online endpoint traffic) are only kept when a diagnostic setting sends them somewhere.
import { defineRule, findDiagnosticSetting, reportDiagnostics } from '../../server/src/model';
import { WORKSPACE_TYPE } from './shared';

export default defineRule({
  meta: {
    id: 'AIS-ML-DIAG',
    title: 'Send Machine Learning workspace logs to a diagnostic destination',
    severity: 'medium',
    pillar: 'monitoring',
    resourceTypes: [WORKSPACE_TYPE],
    peers: { policy: ['Resource logs in Azure Machine Learning Workspaces should be enabled'] },
  },
  check(context) {
    for (const workspace of context.resources) {
      reportDiagnostics(context, workspace, findDiagnosticSetting(context.workspace, workspace), {
        secureState: 'sends its logs to a diagnostic destination',
      });
    }
  },
});
