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
].sort((a, b) => (a.meta.id < b.meta.id ? -1 : a.meta.id > b.meta.id ? 1 : 0));

const byId = new Map(allRules.map((rule) => [rule.meta.id.toUpperCase(), rule]));

/** The rule with this id (case-insensitive), or undefined. */
export function ruleById(id: string): Rule | undefined {
  return byId.get(id.toUpperCase());
}
