resource data 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stdataprod'
  location: 'swedencentral'
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  properties: {
    allowBlobPublicAccess: false
  }

  resource blobs 'blobServices' = {
    name: 'default'

    // The account forbids public access, which overrides the container's setting.
    resource models 'containers' = {
      name: 'models'
      properties: {
        publicAccess: 'Blob'
      }
    }

    resource datasets 'containers' = {
      name: 'datasets'
      properties: {
        publicAccess: 'None'
      }
    }
  }
}
