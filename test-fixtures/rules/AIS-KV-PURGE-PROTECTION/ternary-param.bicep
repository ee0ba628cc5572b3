// A ternary on an unknown condition: one branch leaves purge protection off.
param isProduction bool

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-ai-prod'
  location: 'swedencentral'
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enablePurgeProtection: isProduction ? true : false // expect: AIS-KV-PURGE-PROTECTION
  }
}
