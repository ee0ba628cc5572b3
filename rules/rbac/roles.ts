// Which role a role assignment grants, and where: reading role definition ids written as GUIDs, as
// `subscriptionResourceId('Microsoft.Authorization/roleDefinitions', '<guid>')`, as
// `/providers/Microsoft.Authorization/roleDefinitions/<guid>` strings, as references to `existing` role
// definitions, or (azurerm) by role name.
import {
  firstReferredResource,
  sameScope,
  sameText,
  type Match,
  type Resource,
  type Value,
  type WorkspaceView,
} from '../../server/src/model';
import { AI_TYPES, BROAD_ROLES, ROLE_DEFINITION_TYPE } from './shared';

export interface RoleMatch {
  readonly match: Match;
  /** The broad role's name, when 'yes'. */
  readonly role?: string;
  /** Why the role is not known, when 'unknown'. */
  readonly reason?: string;
}

const GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const ANY_GUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

function broadInText(text: string): string | undefined {
  for (const guid of text.match(GUID) ?? []) {
    const role = BROAD_ROLES[guid.toLowerCase()];
    if (role) return role;
  }
  const name = Object.values(BROAD_ROLES).find((role) => sameText(text.trim(), role));
  return name;
}

/** Whether `value` (a role definition id or azurerm role name) names Owner, Contributor or User Access Administrator. */
export function broadRole(workspace: WorkspaceView, value: Value | undefined, from: Resource): RoleMatch {
  if (value === undefined) return { match: 'no' };
  if (value.kind === 'literal') {
    const role = typeof value.value === 'string' ? broadInText(value.value) : undefined;
    return role ? { match: 'yes', role } : { match: 'no' };
  }
  if (value.kind !== 'unknown') return { match: 'no' };
  if (value.candidates && value.candidates.length > 0) {
    let unknown: RoleMatch | undefined;
    for (const candidate of value.candidates) {
      const inner = broadRole(workspace, candidate, from);
      if (inner.match === 'yes') return inner;
      if (inner.match === 'unknown') unknown ??= inner;
    }
    return unknown ?? { match: 'no' };
  }
  const reference = value.reference;
  if (reference) {
    const target = workspace.resolve(reference, from);
    const name = target?.isType(ROLE_DEFINITION_TYPE)
      ? target.get('name')
      : reference.type && sameText(reference.type, ROLE_DEFINITION_TYPE)
        ? reference.name
        : undefined;
    if (name?.kind === 'literal' && typeof name.value === 'string') {
      const role = broadInText(name.value);
      return role ? { match: 'yes', role } : { match: 'no' };
    }
  }
  // An id built in a string from deployment-time parts (`${subscription().id}/providers/…/<guid>`) still
  // names its role in the source text.
  const role = broadInText(value.text);
  if (role) return { match: 'yes', role };
  if (ANY_GUID.test(value.text)) return { match: 'no' };
  return { match: 'unknown', reason: value.reason };
}

export interface ScopeMatch {
  readonly match: Match;
  /** The AI resource (or a description of the resource group) the assignment applies to. */
  readonly target?: Resource;
  readonly resourceGroup?: boolean;
}

/**
 * Whether the assignment applies to an AI-workload resource (AI Services, ML, Search, Storage, Key Vault) or
 * to a resource group that holds one. An assignment without a scope in a Bicep or ARM template applies to
 * the deployment's resource group: it counts when the same template deploys an AI-workload resource.
 */
export function aiScope(
  workspace: WorkspaceView,
  assignment: Resource,
  documentResources: readonly Resource[],
): ScopeMatch {
  const scope = assignment.scope ?? assignment.get('scope') ?? assignment.get('properties.scope');
  const deploysAi = () => documentResources.find((r) => !r.existing && isAiType(r.type));
  if (scope === undefined) {
    if (assignment.sourceType !== undefined) return { match: 'no' };
    const target = deploysAi();
    return target ? { match: 'yes', target, resourceGroup: true } : { match: 'no' };
  }
  // A resource of the workspace the scope names: by reference, by full id or by the relative
  // `<namespace>/<type>/<name>` form ARM templates use for `scope`.
  const named = firstReferredResource(workspace, scope, assignment, aiResources(workspace));
  if (named) return { match: 'yes', target: named };
  if (scope.kind === 'literal') {
    if (typeof scope.value !== 'string') return { match: 'no' };
    const type = providerType(scope.value);
    if (type && isAiType(type)) return { match: 'yes' };
    if (/^\/subscriptions\/[^/]+\/resourceGroups\/[^/]+\/?$/i.test(scope.value.trim())) {
      const target = aiResourceNear(workspace, assignment);
      return target ? { match: 'yes', target, resourceGroup: true } : { match: 'no' };
    }
    return { match: 'no' };
  }
  if (scope.kind === 'unknown' && scope.reference) {
    const target = workspace.resolve(scope.reference, assignment);
    if (target && isAiType(target.type)) return { match: 'yes', target };
    if (target?.isType('Microsoft.Resources/resourceGroups')) {
      const held = aiResourceNear(workspace, assignment);
      return held ? { match: 'yes', target: held, resourceGroup: true } : { match: 'no' };
    }
    if (!target && scope.reference.type && isAiType(scope.reference.type)) return { match: 'yes' };
    return { match: 'no' };
  }
  return { match: 'no' };
}

const aiPools = new WeakMap<WorkspaceView, readonly Resource[]>();

/** The workspace's deployed AI-workload resources, in workspace order (computed once per workspace). */
function aiResources(workspace: WorkspaceView): readonly Resource[] {
  let pool = aiPools.get(workspace);
  if (!pool) aiPools.set(workspace, (pool = workspace.resources().filter(isAiResource)));
  return pool;
}

/** A module function, not a callback made on each call (V8 keeps a per-call closure's code only while one lives). */
function isAiResource(resource: Resource): boolean {
  return isAiType(resource.type);
}

/**
 * The AI resource a resource-group-wide assignment is taken to cover: one deployed by the same template (or
 * Terraform module). An unrelated template elsewhere in the workspace may target another resource group.
 */
function aiResourceNear(workspace: WorkspaceView, assignment: Resource): Resource | undefined {
  return aiResources(workspace).find((r) => sameScope(r.uri, assignment.uri));
}

export function isAiType(type: string): boolean {
  return AI_TYPES[type.toLowerCase()] !== undefined;
}

/** `Microsoft.Search/searchServices` from `/subscriptions/…/providers/Microsoft.Search/searchServices/x`. */
function providerType(id: string): string | undefined {
  const match = /\/providers\/([^/]+)\/([^/]+)\/[^/]+(?:\/([^/]+)\/[^/]+)?\/?$/i.exec(id.trim());
  if (!match) return undefined;
  return match[3] ? `${match[1]}/${match[2]}/${match[3]}` : `${match[1]}/${match[2]}`;
}
