// AIS-MLC-SSH (matrix row 27): compute nodes must not expose SSH to the internet, and clusters must not
// log in with an admin password (SSH keys only).
// - ComputeInstance: sshSettings.sshPublicAccess (absent = 'Disabled').
// - AmlCompute: remoteLoginPortPublicAccess. 'NotSpecified' (the ARM default) opens port 22 on public nodes
//   unless the cluster is in a subnet; azurerm always writes it (ssh_public_access_enabled, default false),
//   so an absent value there is 'Disabled'.
import {
  capitalize,
  combineAny,
  defineRule,
  dialectOf,
  equals,
  judge,
  nonEmptyString,
  oneOf,
  phrase,
  reportJudgement,
  resourceLabel,
  setFix,
  type Judgement,
  type Resource,
  type RuleContext,
} from '../../server/src/model';
import { judgeSet } from '../ml/applicability';
import { CLUSTER, COMPUTE_TYPE, computeTypeOf, forComputeTypes, INSTANCE } from './shared';

const INSTANCE_SSH = 'properties.properties.sshSettings.sshPublicAccess';
const CLUSTER_SSH = 'properties.properties.remoteLoginPortPublicAccess';
const PASSWORD = 'properties.properties.userAccountCredentials.adminUserPassword';

export default defineRule({
  meta: {
    id: 'AIS-MLC-SSH',
    title: 'Close public SSH access to Machine Learning compute and use SSH keys, not passwords',
    severity: 'medium',
    pillar: 'compute',
    resourceTypes: [COMPUTE_TYPE],
    peers: {},
    fix: 'unsafe',
  },
  check(context) {
    for (const compute of context.resources) {
      forComputeTypes(context, compute, [INSTANCE, CLUSTER], 'closes public SSH access', (inner) => {
        if (oneOf(INSTANCE)(computeTypeOf(compute)) === true) checkInstance(inner, compute);
        else checkCluster(inner, compute);
      });
    }
  },
});

function checkInstance(context: RuleContext, compute: Resource): void {
  reportJudgement(context, compute, judge(compute.get(INSTANCE_SSH), equals('Disabled'), 'pass'), {
    path: INSTANCE_SSH,
    describe: {
      secureState: 'closes public SSH access',
      problem: 'accepts SSH connections from the internet',
      remedy: {
        arm: "set properties.properties.sshSettings.sshPublicAccess to 'Disabled'",
        azurerm: 'remove the ssh block',
      },
      setting: { arm: INSTANCE_SSH, azurerm: 'ssh' },
    },
    fix: (resource) =>
      dialectOf(resource) === 'azurerm'
        ? undefined
        : setFix(resource, INSTANCE_SSH, 'Disabled', "Set sshSettings.sshPublicAccess to 'Disabled'", 'unsafe'),
  });
}

function checkCluster(context: RuleContext, compute: Resource): void {
  const absentMeans = dialectOf(compute) === 'azurerm' ? 'pass' : clusterDefault(compute);
  const ssh = judge(
    compute.get(CLUSTER_SSH),
    (value) =>
      equals('Disabled')(value) === true ? true : equals('Enabled')(value) === true ? false : absentMeans !== 'fail',
    absentMeans,
  );
  reportJudgement(context, compute, ssh, {
    path: CLUSTER_SSH,
    describe: {
      secureState: 'closes public SSH access',
      problem:
        ssh.absent || !equals('Enabled')(ssh.failingValue)
          ? 'opens SSH (port 22) on its public nodes by default (remoteLoginPortPublicAccess is not specified)'
          : 'accepts SSH connections from the internet',
      remedy: {
        arm: "set properties.properties.remoteLoginPortPublicAccess to 'Disabled'",
        azurerm: 'set ssh_public_access_enabled = false',
      },
      setting: { arm: CLUSTER_SSH, azurerm: 'ssh_public_access_enabled' },
    },
    fix: (resource) =>
      setFix(
        resource,
        CLUSTER_SSH,
        'Disabled',
        { arm: "Set remoteLoginPortPublicAccess to 'Disabled'", azurerm: 'Set ssh_public_access_enabled = false' },
        'unsafe',
      ),
  });
  const password = compute.get(PASSWORD);
  // A password from a (secure) parameter is still a password: only an empty literal means none.
  const set: Judgement =
    password?.kind === 'unknown' && !password.candidates
      ? { outcome: 'fail', value: password, absent: false }
      : judge(password, (value) => nonEmptyString(value) !== true, 'pass');
  if (set.outcome === 'fail') {
    context.report({
      resource: compute,
      path: PASSWORD,
      value: set.value,
      message: `${capitalize(resourceLabel(compute))} lets its admin user log in with a password: ${phrase(compute, {
        arm: 'remove properties.properties.userAccountCredentials.adminUserPassword and set adminUserSshPublicKey',
        azurerm: 'remove ssh.admin_password and set ssh.key_value',
      })}.`,
    });
  }
}

/** ARM 'NotSpecified': SSH is open on nodes with public IPs that are not in a subnet. */
function clusterDefault(compute: Resource): 'pass' | 'fail' {
  const publicIp = judge(compute.get('properties.properties.enableNodePublicIp'), equals(false), 'fail');
  const subnet = judgeSet(compute.get('properties.properties.subnet.id'));
  const closed = combineAny(
    [publicIp, subnet].map((j) => (j.outcome === 'pass' ? 'yes' : j.outcome === 'fail' ? 'no' : 'unknown')),
  );
  // An unknown subnet or IP setting is most likely a real subnet: do not report on it.
  return closed === 'no' ? 'fail' : 'pass';
}
