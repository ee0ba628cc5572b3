resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = { // expect: AIS-KV-PURGE-PROTECTION
  name: 'kv-ai-prod'
  location: 'swedencentral'
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    enableSoftDelete: true
  }
}

resource cmk 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-ai-cmk'
  location: 'swedencentral'
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'premium' }
    enablePurgeProtection: false // expect: AIS-KV-PURGE-PROTECTION
  }
}
