resource data 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stdataprod'
  location: 'swedencentral'
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    encryption: {
      keySource: 'Microsoft.Storage' // expect: AIS-ST-CMK
      services: { blob: { enabled: true } }
    }
  }
}

resource logs 'Microsoft.Storage/storageAccounts@2023-05-01' = { // expect: AIS-ST-CMK
  name: 'stlogsprod'
  location: 'swedencentral'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
}
