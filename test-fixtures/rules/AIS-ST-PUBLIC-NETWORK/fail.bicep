resource data 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stdataprod'
  location: 'swedencentral'
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    publicNetworkAccess: 'Enabled' // expect: AIS-ST-PUBLIC-NETWORK
  }
}

// Absent: the public endpoint is on.
resource logs 'Microsoft.Storage/storageAccounts@2023-05-01' = { // expect: AIS-ST-PUBLIC-NETWORK
  name: 'stlogsprod'
  location: 'swedencentral'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}
