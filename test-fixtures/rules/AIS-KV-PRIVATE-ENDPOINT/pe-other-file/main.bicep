// The endpoint is declared in another file of the workspace, targeting the vault by resource id.
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-ai-prod'
  location: 'swedencentral'
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    publicNetworkAccess: 'Disabled'
  }
}
