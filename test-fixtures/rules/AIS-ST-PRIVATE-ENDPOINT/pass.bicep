param subnetId string

resource data 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stdataprod'
  location: 'swedencentral'
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    publicNetworkAccess: 'Disabled'
  }
}

resource blobPe 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'pe-stdataprod-blob'
  location: 'swedencentral'
  properties: {
    subnet: { id: subnetId }
    privateLinkServiceConnections: [
      {
        name: 'blob'
        properties: {
          privateLinkServiceId: data.id
          groupIds: ['blob']
        }
      }
    ]
  }
}
