resource data 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stdataprod'
  location: 'swedencentral'
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
}

var keys = data.listKeys()

// Ids and endpoints are not secrets; a @secure() output is not kept in the deployment history.
output storageId string = data.id
output blobEndpoint string = data.properties.primaryEndpoints.blob

@secure()
output storageKey string = keys.keys[0].value
