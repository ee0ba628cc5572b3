resource data 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stdataprod'
  location: 'swedencentral'
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    networkAcls: {
      defaultAction: 'Allow' // expect: AIS-ST-DEFAULT-DENY
      bypass: 'AzureServices'
    }
  }
}

// Absent networkAcls: Allow.
resource logs 'Microsoft.Storage/storageAccounts@2023-05-01' = { // expect: AIS-ST-DEFAULT-DENY
  name: 'stlogsprod'
  location: 'swedencentral'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    publicNetworkAccess: 'Enabled'
  }
}
