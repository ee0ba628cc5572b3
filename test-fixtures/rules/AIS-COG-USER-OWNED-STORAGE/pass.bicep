resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stspeechprod'
  location: 'swedencentral'
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
}

resource speech 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'speech-prod'
  location: 'swedencentral'
  kind: 'SpeechServices'
  sku: { name: 'S0' }
  identity: { type: 'SystemAssigned' }
  properties: {
    customSubDomainName: 'speech-prod'
    userOwnedStorage: [
      { resourceId: storage.id }
    ]
  }
}

// Kinds that keep no customer data in storage are not checked.
resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-prod'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
}
