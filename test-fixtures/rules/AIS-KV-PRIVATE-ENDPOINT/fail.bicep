resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = { // expect: AIS-KV-PRIVATE-ENDPOINT
  name: 'kv-ai-prod'
  location: 'swedencentral'
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    publicNetworkAccess: 'Disabled'
  }
}
