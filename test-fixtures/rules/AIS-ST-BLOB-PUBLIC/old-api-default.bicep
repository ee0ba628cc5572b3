// Version drift: before API version 2023-01-01 an absent allowBlobPublicAccess means true.
resource legacy 'Microsoft.Storage/storageAccounts@2022-09-01' = { // expect: AIS-ST-BLOB-PUBLIC
  name: 'stlegacy'
  location: 'swedencentral'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {}
}

// From 2023-01-01 on, absent means false: no finding.
resource current 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stcurrent'
  location: 'swedencentral'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {}
}
