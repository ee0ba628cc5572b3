// AIS-AKS-MONITORING (matrix row 63): two records an incident responder needs: the control plane's audit
// log (kube-audit, through a diagnostic setting) and container logs (Container Insights).
import {
  combineAny,
  defineRule,
  equals,
  findDiagnosticSetting,
  judge,
  reportDiagnostics,
  reportJudgement,
  type Judgement,
  type Resource,
} from '../../server/src/model';
import { CLUSTER_TYPE } from './shared';

const OMS_AGENT = 'properties.addonProfiles.omsagent.enabled';
const CONTAINER_INSIGHTS = 'properties.azureMonitorProfile.containerInsights.enabled';

export default defineRule({
  meta: {
    id: 'AIS-AKS-MONITORING',
    title: 'Keep AKS audit logs and container logs',
    severity: 'medium',
    pillar: 'monitoring',
    resourceTypes: [CLUSTER_TYPE],
    peers: {
      checkov: ['CKV_AZURE_4'],
      trivy: ['AVD-AZU-0040'],
      psrule: ['Azure.AKS.ContainerInsights', 'Azure.AKS.AuditLogs', 'Azure.AKS.PlatformLogs'],
      policy: ['Resource logs in Azure Kubernetes Service should be enabled'],
    },
  },
  check(context) {
    for (const cluster of context.resources) {
      reportJudgement(context, cluster, containerInsights(cluster), {
        path: OMS_AGENT,
        describe: {
          secureState: 'collects container logs',
          problem: 'does not collect container logs (Container Insights)',
          remedy: {
            arm: 'enable the omsagent add-on (addonProfiles.omsagent.enabled with a logAnalyticsWorkspaceResourceID) or azureMonitorProfile.containerInsights',
            azurerm: 'add an oms_agent { log_analytics_workspace_id = … } block',
          },
          setting: { arm: OMS_AGENT, azurerm: 'oms_agent' },
        },
      });
      const search = findDiagnosticSetting(context.workspace, cluster, {
        categoryGroups: ['allLogs', 'audit'],
        categories: ['kube-audit', 'kube-audit-admin'],
      });
      reportDiagnostics(context, cluster, search, {
        secureState: 'keeps its control-plane audit log',
        logs: 'its kube-audit log',
        enableLogs: {
          arm: "enable the 'kube-audit-admin' (or 'kube-audit') category, or the 'audit' category group, in its logs",
          azurerm: 'add enabled_log { category = "kube-audit-admin" } (or category_group = "audit")',
        },
        addSetting: {
          arm: "add a Microsoft.Insights/diagnosticSettings resource scoped to it that sends the 'kube-audit-admin' category to a Log Analytics workspace",
          azurerm:
            'add an azurerm_monitor_diagnostic_setting with target_resource_id set to its id and enabled_log { category = "kube-audit-admin" }',
        },
      });
    }
  },
});

/** The omsagent add-on (key spelled omsagent or omsAgent) or the newer azureMonitorProfile.containerInsights. */
function containerInsights(cluster: Resource): Judgement {
  const oms = judge(cluster.get(OMS_AGENT), equals(true), 'fail');
  const insights = judge(cluster.get(CONTAINER_INSIGHTS), equals(true), 'fail');
  const verdict = combineAny(
    [oms, insights].map((j) => (j.outcome === 'pass' ? 'yes' : j.outcome === 'fail' ? 'no' : 'unknown')),
  );
  if (verdict === 'yes') return { outcome: 'pass', absent: false };
  if (verdict === 'unknown') return oms.outcome === 'unknown' ? oms : insights;
  return oms;
}
