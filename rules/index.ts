// The rule registry: every rule, sorted by id (checked by test/rules/registry.test.ts).
import type { Rule } from '../server/src/model';
import cogCmk from './cog/ais-cog-cmk';
import cogCustomSubdomain from './cog/ais-cog-custom-subdomain';
import cogDiag from './cog/ais-cog-diag';
import cogFoundryProjectMi from './cog/ais-cog-foundry-project-mi';
import cogLocalAuth from './cog/ais-cog-local-auth';
import cogManagedIdentity from './cog/ais-cog-managed-identity';
import cogNetworkAcls from './cog/ais-cog-network-acls';
import cogOutboundRestrict from './cog/ais-cog-outbound-restrict';
import cogPrivateEndpoint from './cog/ais-cog-private-endpoint';
import cogPublicNetwork from './cog/ais-cog-public-network';
import cogUserOwnedStorage from './cog/ais-cog-user-owned-storage';
import mlCmk from './ml/ais-ml-cmk';
import mlDatastoreIdentity from './ml/ais-ml-datastore-identity';
import mlDiag from './ml/ais-ml-diag';
import mlHbi from './ml/ais-ml-hbi';
import mlManagedNetwork from './ml/ais-ml-managed-network';
import mlPrivateEndpoint from './ml/ais-ml-private-endpoint';
import mlPublicNetwork from './ml/ais-ml-public-network';
import mlUai from './ml/ais-ml-uai';
import mlV1Legacy from './ml/ais-ml-v1-legacy';
import mlcIdleShutdown from './mlc/ais-mlc-idle-shutdown';
import mlcLocalAuth from './mlc/ais-mlc-local-auth';
import mlcNoPublicIp from './mlc/ais-mlc-no-public-ip';
import mlcSsh from './mlc/ais-mlc-ssh';
import mlcVnet from './mlc/ais-mlc-vnet';
import mleAuthMode from './mle/ais-mle-auth-mode';
import mlePublicNetwork from './mle/ais-mle-public-network';
import oaiModelAllowlist from './oai/ais-oai-model-allowlist';
import oaiRaiFiltersBlocking from './oai/ais-oai-rai-filters-blocking';
import oaiRaiMode from './oai/ais-oai-rai-mode';
import oaiRaiPolicySet from './oai/ais-oai-rai-policy-set';
import srchCmkEnforce from './srch/ais-srch-cmk-enforce';
import srchDiag from './srch/ais-srch-diag';
import srchIpRules from './srch/ais-srch-ip-rules';
import srchLocalAuth from './srch/ais-srch-local-auth';
import srchManagedIdentity from './srch/ais-srch-managed-identity';
import srchPrivateEndpoint from './srch/ais-srch-private-endpoint';
import srchPublicNetwork from './srch/ais-srch-public-network';

export const allRules: readonly Rule[] = [
  cogCmk,
  cogCustomSubdomain,
  cogDiag,
  cogFoundryProjectMi,
  cogLocalAuth,
  cogManagedIdentity,
  cogNetworkAcls,
  cogOutboundRestrict,
  cogPrivateEndpoint,
  cogPublicNetwork,
  cogUserOwnedStorage,
  mlCmk,
  mlDatastoreIdentity,
  mlDiag,
  mlHbi,
  mlManagedNetwork,
  mlPrivateEndpoint,
  mlPublicNetwork,
  mlUai,
  mlV1Legacy,
  mlcIdleShutdown,
  mlcLocalAuth,
  mlcNoPublicIp,
  mlcSsh,
  mlcVnet,
  mleAuthMode,
  mlePublicNetwork,
  oaiModelAllowlist,
  oaiRaiFiltersBlocking,
  oaiRaiMode,
  oaiRaiPolicySet,
  srchCmkEnforce,
  srchDiag,
  srchIpRules,
  srchLocalAuth,
  srchManagedIdentity,
  srchPrivateEndpoint,
  srchPublicNetwork,
].sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));

const byId = new Map(allRules.map((rule) => [rule.meta.id.toUpperCase(), rule]));

/** The rule with this id (case-insensitive), or undefined. */
export function ruleById(id: string): Rule | undefined {
  return byId.get(id.toUpperCase());
}
