// The Bicep linter (outputs-should-not-contain-secrets) reports list*() calls and secure parameters written
// in an output; it misses them when they pass through a variable (Azure/bicep#9314). This rule reports those.
@secure()
param adminPassword string

resource data 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stdataprod'
  location: 'swedencentral'
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
}

var connection = 'DefaultEndpointsProtocol=https;AccountName=${data.name};AccountKey=${data.listKeys().keys[0].value}'
var sqlConnection = 'Server=sql-prod;Password=${adminPassword}'

output storageConnection string = connection // expect: AIS-SEC-OUTPUT-SECRETS
output settings object = {
  sql: sqlConnection // expect: AIS-SEC-OUTPUT-SECRETS
}

// Written directly in the output: the Bicep linter's finding, not repeated here.
output storageKey string = data.listKeys().keys[0].value
