resource data 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stdataprod'
  location: 'swedencentral'
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    publicNetworkAccess: 'Disabled'
  }
}

// Enum values compare case-insensitively.
resource logs 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stlogsprod'
  location: 'swedencentral'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    publicNetworkAccess: 'disabled'
  }
}
