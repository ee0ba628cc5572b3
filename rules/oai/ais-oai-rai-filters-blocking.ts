// AIS-OAI-RAI-FILTERS-BLOCKING (matrix row 13): a custom content filter (RAI policy) must keep the harm
// filters (hate, sexual, violence, self-harm) and the jailbreak shield switched on and blocking, for both
// prompts and completions, at a severity threshold no looser than the organisation allows.
import {
  cannotVerify,
  capitalize,
  defineRule,
  equals,
  getPath,
  judge,
  itemsOf,
  resourceLabel,
  phrase,
  sameText,
  setManyFix,
  type EditValue,
  type Resource,
  type RuleContext,
  type Value,
} from '../../server/src/model';
import { RAI_POLICY_TYPE } from './shared';

const FILTERS = 'properties.contentFilters';
const HARM_CATEGORIES = ['Hate', 'Sexual', 'Violence', 'Selfharm'];
const SHIELDS = ['Jailbreak'];
/** Severity thresholds from strictest to loosest: 'Low' blocks low, medium and high severity content. */
const THRESHOLDS = ['Low', 'Medium', 'High'];

export default defineRule({
  meta: {
    id: 'AIS-OAI-RAI-FILTERS-BLOCKING',
    title: 'Keep content filters enabled and blocking in custom RAI policies',
    severity: 'high',
    pillar: 'content-safety',
    resourceTypes: [RAI_POLICY_TYPE],
    peers: {
      policy: [
        '[Preview]: Cognitive Services Deployments should only use allowed prompt content filtering',
        '[Preview]: Cognitive Services Deployments should only use allowed completion content filtering',
      ],
    },
    fix: 'safe',
    // The loosest severity threshold accepted for the harm categories; 'Medium' is the service default.
    defaultOptions: { maxSeverityThreshold: 'Medium' },
  },
  check(context) {
    const max = maxThreshold(context);
    for (const policy of context.resources) {
      const filters = policy.get(FILTERS);
      if (filters?.kind === 'unknown') {
        context.report({
          resource: policy,
          path: FILTERS,
          value: filters,
          certainty: 'unverifiable',
          message: cannotVerify(policy, 'keeps its content filters enabled and blocking', FILTERS, filters.reason),
        });
        continue;
      }
      itemsOf(filters).items.forEach((filter, index) => checkFilter(context, policy, filter, index, max));
    }
  },
});

function maxThreshold(context: RuleContext): string {
  const option = context.options.maxSeverityThreshold;
  return THRESHOLDS.find((t) => sameText(option, t)) ?? 'Medium';
}

/** Unknown threshold names (a typo, a future level) are not judged. */
function withinThreshold(value: unknown, max: string): boolean {
  const level = THRESHOLDS.findIndex((t) => sameText(value, t));
  return level < 0 || level <= THRESHOLDS.indexOf(max);
}

function literal(value: Value | undefined): unknown {
  return value?.kind === 'literal' ? value.value : undefined;
}

function checkFilter(context: RuleContext, policy: Resource, filter: Value, index: number, max: string): void {
  const name = literal(getPath(filter, 'name'));
  const harm = HARM_CATEGORIES.find((c) => sameText(name, c));
  const shield = SHIELDS.find((c) => sameText(name, c));
  if (!harm && !shield) return;
  const source = literal(getPath(filter, 'source'));
  const where = sameText(source, 'Completion') ? 'completions' : sameText(source, 'Prompt') ? 'prompts' : 'content';
  const thresholdPath = getPath(filter, 'severityThreshold') ? 'severityThreshold' : 'allowedContentLevel';
  const base = `${FILTERS}.${index}`;
  // Absent flags are not judged: the service requires them, so a missing one is a deployment error.
  const checks = [
    { path: 'enabled', judgement: judge(getPath(filter, 'enabled'), equals(true), 'pass'), text: 'is switched off' },
    {
      path: 'blocking',
      judgement: judge(getPath(filter, 'blocking'), equals(true), 'pass'),
      text: 'only annotates and does not block',
    },
  ];
  if (harm) {
    const judgement = judge(getPath(filter, thresholdPath), (value) => withinThreshold(value, max), 'pass');
    checks.push({
      path: thresholdPath,
      judgement,
      text: `lets through content below severity ${JSON.stringify(judgement.failingValue)} (the loosest allowed threshold is '${max}')`,
    });
  }
  const problems = checks.filter((c) => c.judgement.outcome === 'fail');
  const category = harm ? `${harm} filter for ${where}` : `${shield} shield`;
  if (problems.length === 0) {
    const unknown = checks.find((c) => c.judgement.outcome === 'unknown');
    if (unknown) {
      context.report({
        resource: policy,
        path: `${base}.${unknown.path}`,
        value: unknown.judgement.value,
        certainty: 'unverifiable',
        message: cannotVerify(
          policy,
          `keeps its ${category} enabled and blocking`,
          `${base}.${unknown.path}`,
          unknown.judgement.reason ?? 'is not known',
        ),
      });
    }
    return;
  }

  const edits: (readonly [string, EditValue])[] = [];
  if (problems.some((p) => p.path === 'enabled')) edits.push([`${base}.enabled`, true]);
  if (problems.some((p) => p.path === 'blocking')) edits.push([`${base}.blocking`, true]);
  if (problems.some((p) => p.path === thresholdPath)) edits.push([`${base}.${thresholdPath}`, max]);
  const remedy = phrase(policy, {
    arm: listRemedy(edits.map(([path, value]) => `${path.slice(base.length + 1)} to ${JSON.stringify(value)}`)),
    azurerm: listRemedy(
      edits.map(([path, value]) => `${azurermName(path.slice(base.length + 1))} = ${JSON.stringify(value)}`),
    ),
  });
  context.report({
    resource: policy,
    path: `${base}.${problems[0].path}`,
    value: problems[0].judgement.value,
    message: `${capitalize(resourceLabel(policy))}: the ${category} ${problems.map((p) => p.text).join(' and ')}: ${remedy}.`,
    fixes: [setManyFix(policy, edits, `Turn on blocking for the ${category}`, 'safe')],
  });
}

function azurermName(armName: string): string {
  return armName === 'enabled' ? 'filter_enabled' : armName === 'blocking' ? 'block_enabled' : 'severity_threshold';
}

function listRemedy(parts: readonly string[]): string {
  return `set ${parts.join(' and ')}`;
}
