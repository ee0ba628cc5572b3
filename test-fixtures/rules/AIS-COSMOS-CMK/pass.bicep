resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-ai-cmk'
}

resource threads 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmos-agents-prod'
  location: 'swedencentral'
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [{ locationName: 'swedencentral', failoverPriority: 0 }]
    keyVaultKeyUri: '${vault.properties.vaultUri}keys/cosmos-cmk'
  }
}
