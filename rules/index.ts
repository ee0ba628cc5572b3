// The rule registry: every rule, sorted by id (checked by test/rules/registry.test.ts).
import type { Rule } from '../server/src/model';
import acrAdminUser from './acr/ais-acr-admin-user';
import acrAnonPull from './acr/ais-acr-anon-pull';
import acrCmk from './acr/ais-acr-cmk';
import acrExport from './acr/ais-acr-export';
import acrNetwork from './acr/ais-acr-network';
import aksApiExposure from './aks/ais-aks-api-exposure';
import aksEntraRbac from './aks/ais-aks-entra-rbac';
import aksLocalAccounts from './aks/ais-aks-local-accounts';
import aksMonitoring from './aks/ais-aks-monitoring';
import aksNetworkPolicy from './aks/ais-aks-network-policy';
import aksNodePublicIp from './aks/ais-aks-node-public-ip';
import aksWorkloadIdentity from './aks/ais-aks-workload-identity';
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
import cosmosCmk from './cosmos/ais-cosmos-cmk';
import cosmosLocalAuth from './cosmos/ais-cosmos-local-auth';
import cosmosMetadataWrite from './cosmos/ais-cosmos-metadata-write';
import cosmosPublicNetwork from './cosmos/ais-cosmos-public-network';
import kvAccessPolicyLp from './kv/ais-kv-access-policy-lp';
import kvDiag from './kv/ais-kv-diag';
import kvNetwork from './kv/ais-kv-network';
import kvPrivateEndpoint from './kv/ais-kv-private-endpoint';
import kvPurgeProtection from './kv/ais-kv-purge-protection';
import kvRbac from './kv/ais-kv-rbac';
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
import rbacBroadRoleOnAi from './rbac/ais-rbac-broad-role-on-ai';
import rbacCustomRoleWildcard from './rbac/ais-rbac-custom-role-wildcard';
import secKeyPlumbing from './sec/ais-sec-key-plumbing';
import secOutputSecrets from './sec/ais-sec-output-secrets';
import secSecureParam from './sec/ais-sec-secure-param';
import srchCmkEnforce from './srch/ais-srch-cmk-enforce';
import srchDiag from './srch/ais-srch-diag';
import srchIpRules from './srch/ais-srch-ip-rules';
import srchLocalAuth from './srch/ais-srch-local-auth';
import srchManagedIdentity from './srch/ais-srch-managed-identity';
import srchPrivateEndpoint from './srch/ais-srch-private-endpoint';
import srchPublicNetwork from './srch/ais-srch-public-network';
import stBlobPublic from './st/ais-st-blob-public';
import stCmk from './st/ais-st-cmk';
import stDefaultDeny from './st/ais-st-default-deny';
import stPrivateEndpoint from './st/ais-st-private-endpoint';
import stPublicNetwork from './st/ais-st-public-network';
import stSharedKey from './st/ais-st-shared-key';
import stTlsHttps from './st/ais-st-tls-https';

export const allRules: readonly Rule[] = [
  acrAdminUser,
  acrAnonPull,
  acrCmk,
  acrExport,
  acrNetwork,
  aksApiExposure,
  aksEntraRbac,
  aksLocalAccounts,
  aksMonitoring,
  aksNetworkPolicy,
  aksNodePublicIp,
  aksWorkloadIdentity,
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
  cosmosCmk,
  cosmosLocalAuth,
  cosmosMetadataWrite,
  cosmosPublicNetwork,
  kvAccessPolicyLp,
  kvDiag,
  kvNetwork,
  kvPrivateEndpoint,
  kvPurgeProtection,
  kvRbac,
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
  rbacBroadRoleOnAi,
  rbacCustomRoleWildcard,
  secKeyPlumbing,
  secOutputSecrets,
  secSecureParam,
  srchCmkEnforce,
  srchDiag,
  srchIpRules,
  srchLocalAuth,
  srchManagedIdentity,
  srchPrivateEndpoint,
  srchPublicNetwork,
  stBlobPublic,
  stCmk,
  stDefaultDeny,
  stPrivateEndpoint,
  stPublicNetwork,
  stSharedKey,
  stTlsHttps,
].sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));

const byId = new Map(allRules.map((rule) => [rule.meta.id.toUpperCase(), rule]));

/** The rule with this id (case-insensitive), or undefined. */
export function ruleById(id: string): Rule | undefined {
  return byId.get(id.toUpperCase());
}
