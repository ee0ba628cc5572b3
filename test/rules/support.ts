// Test-only builders: resources and values from plain JSON (with synthetic spans), and an in-memory
// WorkspaceView, so rule helpers can be tested without a front end.
import {
  emptyDocument,
  make,
  Resource,
  type Resource as ResourceType,
  type ResourceReference,
  type Referrer,
  type Value,
  type WorkspaceView,
  type FindingInput,
  type RuleContext,
  type Rule,
} from '../../server/src/model';

let offset = 0;
function nextSpan() {
  offset += 10;
  return { start: offset, end: offset + 5 };
}

/** Marks an unknown value inside `fromJson` input. */
export interface UnknownSpec {
  readonly $unknown: string;
  readonly candidates?: readonly unknown[];
  readonly reference?: ResourceReference;
}

export function unknown(reason: string, extra: Omit<UnknownSpec, '$unknown'> = {}): UnknownSpec {
  return { $unknown: reason, ...extra };
}

export function fromJson(json: unknown): Value {
  const span = nextSpan();
  if (json !== null && typeof json === 'object' && '$unknown' in json) {
    const spec = json as UnknownSpec;
    return make.unknown('expr', spec.$unknown, span, {
      candidates: spec.candidates?.map(fromJson),
      reference: spec.reference,
    });
  }
  if (Array.isArray(json)) return make.array(json.map(fromJson), span);
  if (json !== null && typeof json === 'object') {
    return make.object(
      Object.entries(json).map(([name, value]) => make.property(name, nextSpan(), fromJson(value))),
      span,
    );
  }
  return make.literal(json as string | number | boolean | null, span);
}

export interface ResourceSpec {
  readonly type: string;
  readonly key: string;
  readonly body: Record<string, unknown>;
  readonly uri?: string;
  readonly sourceType?: string;
  readonly scope?: unknown;
  readonly existing?: boolean;
}

export function resource(spec: ResourceSpec): ResourceType {
  const body = fromJson(spec.body);
  if (body.kind !== 'object') throw new Error('body must be an object');
  return new Resource({
    key: spec.key,
    type: spec.type,
    uri: spec.uri ?? 'file:///ws/main.bicep',
    language: spec.sourceType ? 'terraform' : 'bicep',
    span: nextSpan(),
    headerSpan: nextSpan(),
    body,
    sourceType: spec.sourceType,
    scope: spec.scope === undefined ? undefined : fromJson(spec.scope),
    existing: spec.existing,
  });
}

/** Resolves references by key within the workspace; referrers by scanning bodies and scopes for references. */
export class MemoryWorkspace implements WorkspaceView {
  constructor(private readonly all: readonly ResourceType[]) {}

  resources(type?: string): readonly ResourceType[] {
    return this.all.filter((r) => !r.existing && (type === undefined || r.isType(type)));
  }

  resolve(reference: ResourceReference, from: ResourceType): ResourceType | undefined {
    return this.all.find((r) => r.key === reference.key && r.uri === (reference.uri ?? from.uri));
  }

  referrers(target: ResourceType, type?: string): readonly Referrer[] {
    const found: Referrer[] = [];
    for (const candidate of this.resources(type)) {
      const visit = (value: Value | undefined, path: string): void => {
        if (!value) return;
        if (value.kind === 'unknown' && value.reference && this.resolve(value.reference, candidate) === target) {
          found.push({ resource: candidate, path, attribute: value.reference.attribute });
        }
        if (value.kind === 'object')
          value.properties.forEach((p) => visit(p.value, path ? `${path}.${p.name}` : p.name));
        if (value.kind === 'array') value.items.forEach((item, i) => visit(item, `${path}.${i}`));
      };
      visit(candidate.scope, '');
      visit(candidate.body, '');
    }
    return found;
  }
}

/** Runs a rule over the resources of its types in `resources`, as the engine would, and collects findings. */
export function runRule(
  rule: Rule,
  resources: readonly ResourceType[],
  options?: Record<string, unknown>,
): FindingInput[] {
  const findings: FindingInput[] = [];
  const workspace = new MemoryWorkspace(resources);
  const context: RuleContext = {
    document: emptyDocument('file:///memory.bicep', 'bicep', ''),
    resources: resources.filter((r) => !r.existing && rule.meta.resourceTypes.some((t) => r.isType(t))),
    workspace,
    options: { ...(rule.meta.defaultOptions ?? {}), ...(options ?? {}) },
    report: (finding) => findings.push(finding),
  };
  rule.check(context);
  return findings;
}
