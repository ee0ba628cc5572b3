// @allowed offers 'Enabled': that candidate is reported.
@allowed([
  'Enabled'
  'Disabled'
])
param publicAccess string

resource data 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stdataprod'
  location: 'swedencentral'
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    publicNetworkAccess: publicAccess // expect: AIS-ST-PUBLIC-NETWORK
  }
}
