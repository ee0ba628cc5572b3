// Shared keys allowed explicitly, and by omission (absent means true).
resource data 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stdataprod'
  location: 'swedencentral'
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    allowSharedKeyAccess: true // expect: AIS-ST-SHARED-KEY
  }
}

resource logs 'Microsoft.Storage/storageAccounts@2023-05-01' = { // expect: AIS-ST-SHARED-KEY
  name: 'stlogsprod'
  location: 'swedencentral'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
  }
}
