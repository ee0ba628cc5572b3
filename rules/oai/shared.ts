// Things the AIS-OAI rules share: the ARM types of model deployments and content filters (RAI policies).
export const DEPLOYMENT_TYPE = 'Microsoft.CognitiveServices/accounts/deployments';
export const RAI_POLICY_TYPE = 'Microsoft.CognitiveServices/accounts/raiPolicies';

/** The last segment of an ARM child name ('account/policy' → 'policy'). */
export function childName(name: string): string {
  const parts = name.split('/');
  return parts[parts.length - 1];
}
