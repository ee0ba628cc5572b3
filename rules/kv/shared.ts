// Things the AIS-KV rules share: the ARM types they inspect.
export const VAULT_TYPE = 'Microsoft.KeyVault/vaults';
export const ACCESS_POLICIES_TYPE = 'Microsoft.KeyVault/vaults/accessPolicies';
