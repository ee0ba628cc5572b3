// Rules that apply only to some values of a property (a workspace's `kind`, a compute's `computeType`, a
// search service's SKU): run the check when the property says so, skip it when it does not, and when the
// property is unknown report "cannot verify" only if the check would have found something.
import {
  cannotVerify,
  judge,
  nonEmptyString,
  type Fix,
  type Judgement,
  type Phrase,
  type Predicate,
  type Resource,
  type RuleContext,
  type UnknownValue,
  type Value,
} from '../../server/src/model';

export interface Applicability {
  /** ARM path of the deciding property: 'kind', 'properties.computeType', 'sku.name'. */
  readonly path: string;
  /** Whether the rule applies to a (known) value of the property. */
  readonly applies: Predicate;
  /** Whether the rule applies when the property is absent (the service default's value). */
  readonly absent: boolean;
  /** The secure state, for "cannot verify that <resource> <secureState>". */
  readonly secureState: Phrase;
  /** Appended to a "cannot verify" finding: "the rule skips Foundry projects". */
  readonly scope: string;
}

/**
 * Runs `check` when the rule applies to `resource`. A value with candidates applies when any candidate
 * does (that deployment is checked, as `forKinds` does); an unknown value runs `check` against a recording
 * context and, when it would report, reports one "cannot verify" finding on the deciding property instead.
 */
export function appliesWhen(
  context: RuleContext,
  resource: Resource,
  applicability: Applicability,
  check: (context: RuleContext) => void,
): void {
  const value = resource.get(applicability.path);
  if (value === undefined) {
    if (applicability.absent) check(context);
    return;
  }
  // "Secure" for judge means "the rule does not apply": a failing candidate is one it applies to.
  const judgement = judge(
    value,
    (v) => {
      const verdict = applicability.applies(v);
      return verdict === 'unknown' ? 'unknown' : !verdict;
    },
    applicability.absent ? 'fail' : 'pass',
  );
  if (judgement.outcome === 'fail') return check(context);
  if (judgement.outcome === 'pass') return;
  let wouldReport = false;
  check({ ...context, report: () => (wouldReport = true) });
  if (!wouldReport) return;
  const unknown: UnknownValue =
    value.kind === 'unknown'
      ? value
      : { kind: 'unknown', span: value.span, origins: value.origins, text: '', reason: 'is not known' };
  context.report({
    resource,
    path: applicability.path,
    value: unknown,
    certainty: 'unverifiable',
    message: `${cannotVerify(resource, applicability.secureState, applicability.path, unknown.reason).replace(/\.$/, '')} (${applicability.scope}).`,
  });
}

/**
 * Judges "is set to a non-empty value" where any expression counts as set (a resource id from a parameter,
 * a reference): only absence, an empty literal or an empty candidate fails. Used for ids and names whose
 * presence is the control (a subnet, a primary identity, a key), as diagnostic destinations are judged.
 */
export function judgeSet(value: Value | undefined): Judgement {
  if (value?.kind === 'unknown' && !(value.candidates && value.candidates.length > 0)) {
    return { outcome: 'pass', value, absent: false };
  }
  return judge(value, nonEmptyString, 'fail');
}

/** A context that attaches `fixes` to the definite findings reported through it (for shared reporters). */
export function withFixes(context: RuleContext, fixes: readonly (Fix | undefined)[]): RuleContext {
  const offered = fixes.filter((fix): fix is Fix => fix !== undefined);
  if (offered.length === 0) return context;
  return {
    ...context,
    report: (finding) =>
      context.report(finding.certainty === 'unverifiable' ? finding : { ...finding, fixes: offered }),
  };
}
