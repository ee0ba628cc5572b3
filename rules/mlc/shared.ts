// What the AIS-MLC rules share: the compute type, the computeType filter and the parent workspace lookup.
// A compute's own settings live in `properties.properties` (ARM nests the compute-type-specific object).
import { oneOf, type Phrase, type Resource, type RuleContext, type WorkspaceView } from '../../server/src/model';
import { appliesWhen } from '../ml/applicability';
import { WORKSPACE_TYPE } from '../ml/shared';

export const COMPUTE_TYPE = 'Microsoft.MachineLearningServices/workspaces/computes';
export const INSTANCE = 'ComputeInstance';
export const CLUSTER = 'AmlCompute';

/** Runs `check` when the compute's `computeType` is one of `types` (attached computes are skipped). */
export function forComputeTypes(
  context: RuleContext,
  compute: Resource,
  types: readonly string[],
  secureState: Phrase,
  check: (context: RuleContext) => void,
): void {
  appliesWhen(
    context,
    compute,
    {
      path: 'properties.computeType',
      applies: oneOf(...types),
      absent: false,
      secureState,
      scope: `the rule checks compute types ${types.join(', ')}`,
    },
    check,
  );
}

/** The compute type as a literal, when known. */
export function computeTypeOf(compute: Resource): string | undefined {
  const value = compute.get('properties.computeType');
  return value?.kind === 'literal' && typeof value.value === 'string' ? value.value : undefined;
}

/**
 * The workspace a compute belongs to: its Bicep parent (`parent:` or nesting), the workspace it refers to
 * (azurerm `machine_learning_workspace_id`, azapi `parent_id`), or the workspace named by the first segment
 * of an ARM child name ('ws/compute'). May be an `existing` declaration; undefined when not in the workspace.
 */
export function parentWorkspace(workspace: WorkspaceView, compute: Resource): Resource | undefined {
  if (compute.parentKey !== undefined) {
    const parent = workspace.resolve({ key: compute.parentKey, attribute: '' }, compute);
    if (parent) return parent;
  }
  for (const candidate of workspace.resources(WORKSPACE_TYPE)) {
    if (workspace.referrers(candidate, COMPUTE_TYPE).some((r) => r.resource === compute)) return candidate;
  }
  const name = compute.get('name');
  if (name?.kind === 'literal' && typeof name.value === 'string' && name.value.includes('/')) {
    const parentName = name.value.split('/')[0];
    return workspace.resolve(
      { type: WORKSPACE_TYPE, name: { kind: 'literal', value: parentName, span: name.span }, attribute: '' },
      compute,
    );
  }
  return undefined;
}
