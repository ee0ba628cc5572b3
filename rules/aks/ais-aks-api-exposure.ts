// AIS-AKS-API-EXPOSURE (matrix row 59): the Kubernetes API server is not reachable from the whole internet:
// the cluster is private, or authorized IP ranges restrict who can reach the public endpoint.
import {
  capitalize,
  defineRule,
  equals,
  judge,
  phrase,
  reportJudgement,
  resourceLabel,
  type Predicate,
} from '../../server/src/model';
import { CLUSTER_TYPE } from './shared';

const PRIVATE = 'properties.apiServerAccessProfile.enablePrivateCluster';
const RANGES = 'properties.apiServerAccessProfile.authorizedIPRanges';

/** A non-empty list of ranges, none of which opens the endpoint to everyone. */
const restrictsRanges: Predicate = (value) => {
  if (!Array.isArray(value) || value.length === 0) return false;
  if (value.some((range) => typeof range === 'string' && /^0\.0\.0\.0(\/0)?$/.test(range.trim()))) return false;
  return value.every((range) => typeof range === 'string') ? true : 'unknown';
};

export default defineRule({
  meta: {
    id: 'AIS-AKS-API-EXPOSURE',
    title: 'Make the AKS API server private or restrict it to authorized IP ranges',
    severity: 'high',
    pillar: 'network',
    resourceTypes: [CLUSTER_TYPE],
    peers: {
      checkov: ['CKV_AZURE_115', 'CKV_AZURE_6'],
      kics: ['599318f2'],
      trivy: ['AVD-AZU-0065', 'AVD-AZU-0041'],
      psrule: ['Azure.AKS.AuthorizedIPs'],
      policy: [
        'Azure Kubernetes Service Private Clusters should be enabled',
        'Authorized IP ranges should be defined on Kubernetes Services',
      ],
    },
  },
  check(context) {
    for (const cluster of context.resources) {
      const privateCluster = judge(cluster.get(PRIVATE), equals(true), 'fail');
      const ranges = judge(cluster.get(RANGES), restrictsRanges, 'fail');
      if (privateCluster.outcome === 'pass' || ranges.outcome === 'pass') continue;
      const remedy = phrase(cluster, {
        arm: 'set properties.apiServerAccessProfile.enablePrivateCluster to true, or list the allowed ranges in authorizedIPRanges',
        azurerm:
          'set private_cluster_enabled = true, or list the allowed ranges in api_server_access_profile { authorized_ip_ranges } (azurerm 3.x: api_server_authorized_ip_ranges)',
      });
      if (ranges.outcome === 'fail' && ranges.value !== undefined && privateCluster.outcome === 'fail') {
        // Ranges are set but include 0.0.0.0/0 (or are empty): point at them.
        context.report({
          resource: cluster,
          path: RANGES,
          value: ranges.value,
          message: `${capitalize(resourceLabel(cluster))} exposes its API server to every address (its authorized IP ranges are empty or include 0.0.0.0/0): ${remedy}.`,
        });
        continue;
      }
      const decides =
        privateCluster.outcome === 'unknown' ? privateCluster : ranges.outcome === 'unknown' ? ranges : privateCluster;
      reportJudgement(context, cluster, decides, {
        path: decides === privateCluster ? PRIVATE : RANGES,
        describe: {
          secureState: 'restricts access to its API server',
          problem: 'exposes its API server to the internet',
          remedy: {
            arm: 'set properties.apiServerAccessProfile.enablePrivateCluster to true, or list the allowed ranges in authorizedIPRanges',
            azurerm:
              'set private_cluster_enabled = true, or list the allowed ranges in api_server_access_profile { authorized_ip_ranges }',
          },
          setting:
            decides === privateCluster
              ? { arm: PRIVATE, azurerm: 'private_cluster_enabled' }
              : { arm: RANGES, azurerm: 'api_server_access_profile.authorized_ip_ranges' },
        },
      });
    }
  },
});
