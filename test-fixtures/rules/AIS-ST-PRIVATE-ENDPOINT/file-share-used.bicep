// The account holds file shares, so it needs a 'file' endpoint besides the 'blob' one.
param subnetId string

resource data 'Microsoft.Storage/storageAccounts@2023-05-01' = { // expect: AIS-ST-PRIVATE-ENDPOINT
  name: 'stdataprod'
  location: 'swedencentral'
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }

  resource files 'fileServices' = {
    name: 'default'

    resource share 'shares' = {
      name: 'prompts'
    }
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
