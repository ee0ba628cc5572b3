resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' = { // expect: AIS-COG-PRIVATE-ENDPOINT
  name: 'oai-prod'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-prod'
  }
}

// Public access is off and no private endpoint exists: nothing can reach the account.
resource closed 'Microsoft.CognitiveServices/accounts@2024-10-01' = { // expect: AIS-COG-PRIVATE-ENDPOINT
  name: 'oai-closed'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-closed'
    publicNetworkAccess: 'Disabled'
  }
}

// A private endpoint to another resource does not count.
resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stdataprod'
  location: 'swedencentral'
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
}

resource storagePe 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'pe-storage'
  location: 'swedencentral'
  properties: {
    subnet: { id: '/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-net/providers/Microsoft.Network/virtualNetworks/vnet/subnets/pe' }
    privateLinkServiceConnections: [
      {
        name: 'blob'
        properties: {
          privateLinkServiceId: storage.id
          groupIds: ['blob']
        }
      }
    ]
  }
}
