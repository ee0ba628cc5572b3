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
  const types: string[] = [];
  for (const { resource } of context.workspace.referrers(account)) {
    if (isBelowAccount(resource)) types.push(resource.type.toLowerCase());
  }
  for (const resource of context.document.resources) {
    if (isBelowAccount(resource) && resource.parentKey !== undefined && descendsFrom(context, resource, account)) {
      types.push(resource.type.toLowerCase());
    }
  }
  return types;
}

const STORAGE_CHILD_PREFIX = `${STORAGE_TYPE}/`.toLowerCase();

/**
 * A storage account's child type. Loops and module functions here, not callbacks made on each call: V8 holds
 * a closure's optimized code only weakly, and the scan worker compiled these per-call callbacks ~30 times on
 * 10,000 files (a full collection every few hundred milliseconds).
 */
function isBelowAccount(resource: Resource): boolean {
  return resource.type.toLowerCase().startsWith(STORAGE_CHILD_PREFIX);
}

function descendsFrom(context: RuleContext, resource: Resource, account: Resource): boolean {
  let current: Resource | undefined = resource;
  for (let hops = 0; current?.parentKey !== undefined && hops < 4; hops++) {
    const parentKey: string = current.parentKey;
    if (parentKey === account.key && resource.uri === account.uri) return true;
    current = undefined;
    for (const candidate of context.document.resources) {
      if (candidate.key === parentKey && candidate.uri === resource.uri) {
        current = candidate;
        break;
      }
    }
  }
  return false;
}
