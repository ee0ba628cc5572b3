// Diagnostic settings and the monitoring resources they point at. Source: azurerm
// monitor_diagnostic_setting docs (3.x `log`/`metric` blocks with `enabled`; 4.x `enabled_log`/`enabled_metric`).
import { attr, block } from './dsl';
import type { ResourceMapping } from './types';

export const monitorMappings: readonly ResourceMapping[] = [
  {
    sourceType: 'azurerm_monitor_diagnostic_setting',
    armType: 'Microsoft.Insights/diagnosticSettings',
    scopeAttribute: 'target_resource_id',
    commonAttributes: false,
    attributes: [
      attr('name', 'name'),
      attr('log_analytics_workspace_id', 'properties.workspaceId'),
      attr('storage_account_id', 'properties.storageAccountId'),
      attr('eventhub_authorization_rule_id', 'properties.eventHubAuthorizationRuleId'),
      attr('eventhub_name', 'properties.eventHubName'),
      attr('partner_solution_id', 'properties.marketplacePartnerId'),
      attr('log_analytics_destination_type', 'properties.logAnalyticsDestinationType'),
    ],
    blocks: [
      block('enabled_log', 'properties.logs', [attr('category', 'category'), attr('category_group', 'categoryGroup')], {
        repeated: true,
        implies: [{ path: 'enabled', value: true }],
      }),
      block(
        'log',
        'properties.logs',
        [attr('category', 'category'), attr('category_group', 'categoryGroup'), attr('enabled', 'enabled')],
        { repeated: true },
      ),
      block('enabled_metric', 'properties.metrics', [attr('category', 'category')], {
        repeated: true,
        implies: [{ path: 'enabled', value: true }],
      }),
      block('metric', 'properties.metrics', [attr('category', 'category'), attr('enabled', 'enabled')], {
        repeated: true,
      }),
    ],
  },
  {
    sourceType: 'azurerm_log_analytics_workspace',
    armType: 'Microsoft.OperationalInsights/workspaces',
    attributes: [
      attr('sku', 'properties.sku.name'),
      attr('retention_in_days', 'properties.retentionInDays'),
      attr('local_authentication_disabled', 'properties.features.disableLocalAuth'),
      attr('local_authentication_enabled', 'properties.features.disableLocalAuth', {
        transform: {
          name: 'invert',
          toArm: (v) => (typeof v === 'boolean' ? !v : undefined),
          toTerraform: (v) => (typeof v === 'boolean' ? !v : undefined),
        },
      }),
    ],
    blocks: [],
  },
  {
    sourceType: 'azurerm_application_insights',
    armType: 'Microsoft.Insights/components',
    attributes: [
      attr('application_type', 'kind'),
      attr('workspace_id', 'properties.WorkspaceResourceId'),
      attr('local_authentication_disabled', 'properties.DisableLocalAuth'),
    ],
    blocks: [],
  },
];
