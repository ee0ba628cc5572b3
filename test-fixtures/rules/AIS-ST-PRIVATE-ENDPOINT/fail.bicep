param subnetId string

resource data 'Microsoft.Storage/storageAccounts@2023-05-01' = { // expect: AIS-ST-PRIVATE-ENDPOINT
  name: 'stdataprod'
  location: 'swedencentral'
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    publicNetworkAccess: 'Disabled'
  }
}

// Data Lake: the blob endpoint exists, the dfs one is missing.
resource lake 'Microsoft.Storage/storageAccounts@2023-05-01' = { // expect: AIS-ST-PRIVATE-ENDPOINT
  name: 'stlakeprod'
  location: 'swedencentral'
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    isHnsEnabled: true
  }
}

resource lakeBlobPe 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'pe-stlakeprod-blob'
  location: 'swedencentral'
  properties: {
    subnet: { id: subnetId }
    privateLinkServiceConnections: [
      {
        name: 'blob'
        properties: {
          privateLinkServiceId: lake.id
          groupIds: ['blob']
        }
      }
    ]
  }
}
