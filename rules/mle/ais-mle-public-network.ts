// AIS-MLE-PUBLIC-NETWORK (matrix row 30): a managed online endpoint serving a model is scored only from the
// workspace's private network. Absent = 'Enabled'.
import { defineRule, disablePublicNetworkAccessFix, equals, requireProperty } from '../../server/src/model';
import { ENDPOINT_TYPE, isKubernetesEndpoint } from './shared';

const PNA = 'properties.publicNetworkAccess';

export default defineRule({
  meta: {
    id: 'AIS-MLE-PUBLIC-NETWORK',
    title: 'Disable public network access to Machine Learning online endpoints',
    severity: 'medium',
    pillar: 'network',
    resourceTypes: [ENDPOINT_TYPE],
    peers: {},
    fix: 'safe',
  },
  check(context) {
    for (const endpoint of context.resources) {
      if (isKubernetesEndpoint(endpoint)) continue;
      requireProperty(context, endpoint, {
        path: PNA,
        isSecure: equals('Disabled'),
        absent: 'fail',
        describe: {
          secureState: 'disables public network access',
          problem: 'can be scored from public networks',
          remedy: "set properties.publicNetworkAccess to 'Disabled'",
          setting: PNA,
        },
        fix: disablePublicNetworkAccessFix,
      });
    }
  },
});
