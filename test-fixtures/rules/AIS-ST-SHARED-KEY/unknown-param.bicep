// No default: cannot verify. A default of true: a definite finding at the use.
param allowKeys bool
param keysByDefault bool = true

resource data 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stdataprod'
  location: 'swedencentral'
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    allowSharedKeyAccess: allowKeys // expect-review: AIS-ST-SHARED-KEY
  }
}

resource logs 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stlogsprod'
  location: 'swedencentral'
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    allowSharedKeyAccess: keysByDefault // expect: AIS-ST-SHARED-KEY
  }
}
