// Version drift: from API version 2026-02-01 an absent enableRbacAuthorization means true.
resource vault 'Microsoft.KeyVault/vaults@2026-02-01' = {
  name: 'kv-ai-prod'
  location: 'swedencentral'
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
  }
}
