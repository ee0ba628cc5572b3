// AIS-OAI-RAI-POLICY-SET (matrix row 12): a model deployment names the content filter (RAI policy) it runs
// under, so the filtering is a reviewed choice instead of whatever the service default is at deploy time.
import {
  defineRule,
  judge,
  nonEmptyString,
  reportJudgement,
  sameText,
  setFix,
  stringListOption,
  type Judgement,
  type Resource,
  type RuleContext,
} from '../../server/src/model';
import { judgeSet } from '../ml/applicability';
import { childName, DEPLOYMENT_TYPE, RAI_POLICY_TYPE } from './shared';

const RAI_POLICY_NAME = 'properties.raiPolicyName';

/** The service's current default content filter, written explicitly by the quick fix. */
export const DEFAULT_RAI_POLICY = 'Microsoft.DefaultV2';

export default defineRule({
  meta: {
    id: 'AIS-OAI-RAI-POLICY-SET',
    title: 'Assign an approved content filter (RAI policy) to every model deployment',
    severity: 'medium',
    pillar: 'content-safety',
    resourceTypes: [DEPLOYMENT_TYPE],
    // No peer checks a template for this: the related Azure Policy built-ins are data-plane previews.
    peers: {},
    fix: 'safe',
    // Empty: any explicitly named policy is accepted. Otherwise the names the organisation approved.
    defaultOptions: { approvedPolicies: [] },
  },
  check(context) {
    const approved = stringListOption(context, 'approvedPolicies', []);
    for (const deployment of context.resources) {
      const judgement = judgePolicy(context, deployment, approved);
      const list = approved.join(', ');
      reportJudgement(context, deployment, judgement, {
        path: RAI_POLICY_NAME,
        describe: {
          secureState: approved.length > 0 ? `uses an approved content filter (${list})` : 'names its content filter',
          problem:
            judgement.absent || approved.length === 0
              ? 'does not name a content filter (RAI policy), so it gets whatever the service default is'
              : `uses content filter ${JSON.stringify(judgement.failingValue)}, which is not an approved one`,
          remedy:
            approved.length > 0
              ? {
                  arm: `set properties.raiPolicyName to one of ${list}`,
                  azurerm: `set rai_policy_name to one of ${list}`,
                }
              : {
                  arm: `set properties.raiPolicyName to an approved policy (for example '${DEFAULT_RAI_POLICY}' or a custom raiPolicies resource)`,
                  azurerm: `set rai_policy_name to an approved policy (for example "${DEFAULT_RAI_POLICY}" or a custom azurerm_cognitive_account_rai_policy)`,
                },
          setting: { arm: RAI_POLICY_NAME, azurerm: 'rai_policy_name' },
        },
        fix: (resource) => policyFix(resource, approved),
      });
    }
  },
});

function judgePolicy(context: RuleContext, deployment: Resource, approved: readonly string[]): Judgement {
  const value = deployment.get(RAI_POLICY_NAME);
  const isApproved = (name: unknown) =>
    nonEmptyString(name) === true && (approved.length === 0 || approved.some((a) => sameText(name, a)));
  // A reference to a raiPolicies resource (`raiPolicy.name`, `azurerm_cognitive_account_rai_policy.x.name`)
  // names that policy: judge its literal name.
  if (value?.kind === 'unknown' && value.reference) {
    const target = context.workspace.resolve(value.reference, deployment);
    if (target?.isType(RAI_POLICY_TYPE) && /^(name)?$/i.test(value.reference.attribute)) {
      const name = target.get('name');
      if (approved.length === 0) return { outcome: 'pass', value, absent: false };
      if (name?.kind === 'literal' && typeof name.value === 'string') {
        const own = childName(name.value);
        return isApproved(own)
          ? { outcome: 'pass', value, absent: false }
          : { outcome: 'fail', value, failingValue: own, absent: false };
      }
    }
  }
  // Without an allow-list any expression names a policy (a parameter, a variable): only absent or empty fails.
  if (approved.length === 0) return judgeSet(value);
  return judge(value, isApproved, 'fail');
}

function policyFix(deployment: Resource, approved: readonly string[]) {
  const name = approved[0] ?? DEFAULT_RAI_POLICY;
  return setFix(
    deployment,
    RAI_POLICY_NAME,
    name,
    { arm: `Set raiPolicyName to '${name}'`, azurerm: `Set rai_policy_name = "${name}"` },
    'safe',
  );
}
