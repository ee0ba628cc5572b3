resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-prod'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-prod'
  }
}

resource data 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stdataprod'
  location: 'swedencentral'
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: 'kv-ai-prod'
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-chat-prod'
  location: 'swedencentral'
  properties: {
    siteConfig: {
      appSettings: [
        { name: 'AZURE_OPENAI_ENDPOINT', value: openai.properties.endpoint }
        { name: 'AZURE_OPENAI_API_KEY', value: openai.listKeys().key1 } // expect: AIS-SEC-KEY-PLUMBING
        {
          name: 'STORAGE_CONNECTION'
          value: 'DefaultEndpointsProtocol=https;AccountName=${data.name};AccountKey=${data.listKeys().keys[0].value}' // expect: AIS-SEC-KEY-PLUMBING
        }
      ]
    }
  }
}

// Storing the key in Key Vault still builds key-based access into the workload.
resource openaiKey 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'openai-key'
  properties: {
    value: listKeys(openai.id, '2024-10-01').key1 // expect: AIS-SEC-KEY-PLUMBING
  }
}
