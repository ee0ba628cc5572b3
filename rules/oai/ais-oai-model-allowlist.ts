// AIS-OAI-MODEL-ALLOWLIST (matrix row 15): model deployments use only the models the organisation approved
// (governance: model cards, evaluations and terms reviewed). Inactive until `allowedModels` is configured.
import {
  capitalize,
  cannotVerify,
  defineRule,
  phrase,
  resourceLabel,
  stringListOption,
  type Resource,
  type RuleContext,
  type Value,
} from '../../server/src/model';
import { DEPLOYMENT_TYPE } from './shared';

const MODEL = 'properties.model';

export default defineRule({
  meta: {
    id: 'AIS-OAI-MODEL-ALLOWLIST',
    title: 'Deploy only approved models',
    severity: 'low',
    pillar: 'content-safety',
    resourceTypes: [DEPLOYMENT_TYPE],
    peers: { policy: ['Cognitive Services Deployments should only use approved Registry Models'] },
    // Entries `[format/]name[@version]`, `*` matching any text: "OpenAI/gpt-4o@2024-11-20", "gpt-4o-mini",
    // "OpenAI/*". Empty: no allow-list, the rule reports nothing.
    defaultOptions: { allowedModels: [] },
  },
  check(context) {
    const allowed = stringListOption(context, 'allowedModels', []).map(parseEntry);
    if (allowed.length === 0) return;
    for (const deployment of context.resources) checkDeployment(context, deployment, allowed);
  },
});

interface Entry {
  readonly text: string;
  readonly format?: RegExp;
  readonly name: RegExp;
  readonly version?: RegExp;
}

function glob(text: string): RegExp {
  const escaped = text.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`, 'i');
}

export function parseEntry(text: string): Entry {
  const at = text.lastIndexOf('@');
  const model = at > 0 ? text.slice(0, at) : text;
  const version = at > 0 ? text.slice(at + 1) : undefined;
  const slash = model.indexOf('/');
  return {
    text,
    format: slash > 0 ? glob(model.slice(0, slash)) : undefined,
    name: glob(slash > 0 ? model.slice(slash + 1) : model),
    version: version !== undefined ? glob(version) : undefined,
  };
}

type Part = { readonly value?: Value; readonly text?: string; readonly unknown?: boolean };

function part(deployment: Resource, name: string): Part {
  const value = deployment.get(`${MODEL}.${name}`);
  if (value === undefined) return {};
  if (value.kind === 'literal' && typeof value.value === 'string') return { value, text: value.value };
  return { value, unknown: true };
}

/** Whether an entry admits the model; 'unknown' when an unknown part decides. A missing version means "the
 *  service's default version", which only an entry without a version admits. */
function admits(entry: Entry, format: Part, name: Part, version: Part): boolean | 'unknown' {
  const checks: (Part & { pattern?: RegExp })[] = [
    { ...format, pattern: entry.format },
    { ...name, pattern: entry.name },
    { ...version, pattern: entry.version },
  ];
  let undecided = false;
  for (const check of checks) {
    if (!check.pattern) continue;
    if (check.unknown) undecided = true;
    else if (check.text === undefined || !check.pattern.test(check.text)) return false;
  }
  return undecided ? 'unknown' : true;
}

function checkDeployment(context: RuleContext, deployment: Resource, allowed: readonly Entry[]): void {
  const format = part(deployment, 'format');
  const name = part(deployment, 'name');
  const version = part(deployment, 'version');
  const verdicts = allowed.map((entry) => admits(entry, format, name, version));
  if (verdicts.includes(true)) return;
  const model = [format.text ? `${format.text}/` : '', name.text ?? '?', version.text ? `@${version.text}` : ''].join(
    '',
  );
  const list = allowed.map((entry) => entry.text).join(', ');
  if (verdicts.includes('unknown')) {
    const unknownPart = [name, version, format].find((p) => p.unknown)?.value;
    context.report({
      resource: deployment,
      path: MODEL,
      value: unknownPart,
      certainty: 'unverifiable',
      message: cannotVerify(
        deployment,
        `deploys an approved model (${list})`,
        'its model',
        unknownPart?.kind === 'unknown' ? unknownPart.reason : 'is not known',
      ),
    });
    return;
  }
  context.report({
    resource: deployment,
    path: MODEL,
    value: name.value ?? deployment.get(MODEL),
    message: `${capitalize(resourceLabel(deployment))} deploys model ${model}, which is not on the approved list: ${phrase(
      deployment,
      {
        arm: `deploy one of ${list} in properties.model, or add the model to the allowedModels option of AIS-OAI-MODEL-ALLOWLIST`,
        azurerm: `deploy one of ${list} in the model block, or add the model to the allowedModels option of AIS-OAI-MODEL-ALLOWLIST`,
      },
    )}.`,
  });
}
