// AIS-ST-PRIVATE-ENDPOINT (matrix row 45): each storage service the account is used for (blob, file, dfs for
// Data Lake, queue, table) is reached through its own private endpoint, found anywhere in the workspace.
import {
  defineRule,
  equals,
  findPrivateEndpoint,
  judge,
  privateEndpointFix,
  reportPrivateEndpoint,
  type Resource,
  type RuleContext,
} from '../../server/src/model';
import { STORAGE_TYPE } from './shared';

/** Child types (below the account) whose presence shows that a service is used. */
const SERVICE_CHILDREN: readonly (readonly [group: string, childType: string])[] = [
  ['file', 'fileServices'],
  ['queue', 'queueServices'],
  ['table', 'tableServices'],
];

export default defineRule({
  meta: {
    id: 'AIS-ST-PRIVATE-ENDPOINT',
    title: 'Reach storage accounts through private endpoints',
    severity: 'medium',
    pillar: 'network',
    resourceTypes: [STORAGE_TYPE],
    fix: 'unsafe',
    peers: {
      checkov: ['CKV2_AZURE_33'],
      kics: ['dda11a20'],
      policy: ['Storage accounts should use private link'],
    },
  },
  check(context) {
    for (const account of context.resources) {
      const closed =
        judge(account.get('properties.publicNetworkAccess'), equals('Disabled'), 'fail').outcome === 'pass';
      for (const group of servicesUsed(context, account)) {
        reportPrivateEndpoint(
          context,
          account,
          findPrivateEndpoint(context.workspace, account, group),
          {
            arm: `add a Microsoft.Network/privateEndpoints resource that connects to it with groupIds ['${group}']`,
            azurerm: `add an azurerm_private_endpoint whose private_service_connection targets it with subresource_names = ["${group}"]`,
          },
          { closed, subject: `its ${group} service`, fix: privateEndpointFix(account, group) },
        );
      }
    }
  },
});

/**
 * The private-endpoint group ids the account needs: 'blob' (every account but a FileStorage one), 'dfs'
 * when the hierarchical namespace is on, and 'file', 'queue', 'table' when the workspace declares shares,
 * queues or tables in it (or the account is of kind FileStorage).
 */
function servicesUsed(context: RuleContext, account: Resource): string[] {
  const kind = account.get('kind');
  const fileStorage = kind?.kind === 'literal' && String(kind.value).toLowerCase() === 'filestorage';
  const groups = fileStorage ? ['file'] : ['blob'];
  if (judge(account.get('properties.isHnsEnabled'), equals(true), 'fail').outcome === 'pass') groups.push('dfs');
  const children = childTypes(context, account);
  for (const [group, childType] of SERVICE_CHILDREN) {
    const prefix = `${STORAGE_TYPE}/${childType}`.toLowerCase();
    if (!groups.includes(group) && children.some((type) => type.startsWith(prefix))) groups.push(group);
  }
  return groups;
}

/** Lower-cased types of resources below the account: declared nested, with `parent:`, or referring to it. */
function childTypes(context: RuleContext, account: Resource): string[] {
  const below = (resource: Resource) => resource.type.toLowerCase().startsWith(`${STORAGE_TYPE}/`.toLowerCase());
  const types = context.workspace
    .referrers(account)
    .map((r) => r.resource)
    .filter(below)
    .map((r) => r.type.toLowerCase());
  for (const resource of context.document.resources) {
    if (below(resource) && resource.parentKey !== undefined && descendsFrom(context, resource, account)) {
      types.push(resource.type.toLowerCase());
    }
  }
  return types;
}

function descendsFrom(context: RuleContext, resource: Resource, account: Resource): boolean {
  let current: Resource | undefined = resource;
  for (let hops = 0; current?.parentKey !== undefined && hops < 4; hops++) {
    const parentKey: string = current.parentKey;
    if (parentKey === account.key && resource.uri === account.uri) return true;
    current = context.document.resources.find((r) => r.key === parentKey && r.uri === resource.uri);
  }
  return false;
}
