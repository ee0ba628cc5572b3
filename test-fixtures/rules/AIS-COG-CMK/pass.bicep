param keyVaultUri string
param identityClientId string

resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-prod'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-ai/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-oai': {}
    }
  }
  properties: {
    customSubDomainName: 'oai-prod'
    encryption: {
      keySource: 'Microsoft.KeyVault'
      keyVaultProperties: {
        keyName: 'oai-cmk'
        keyVaultUri: keyVaultUri
        identityClientId: identityClientId
      }
    }
  }
}
