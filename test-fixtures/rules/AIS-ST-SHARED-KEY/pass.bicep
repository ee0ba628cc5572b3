resource data 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stdataprod'
  location: 'swedencentral'
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    allowSharedKeyAccess: false
  }
}

// Deployed elsewhere: never linted here.
resource shared 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: 'stshared'
}
