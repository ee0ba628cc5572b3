param identityId string
param vaultUri string

resource data 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stdataprod'
  location: 'swedencentral'
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    encryption: {
      keySource: 'Microsoft.Keyvault'
      keyvaultproperties: {
        keyname: 'st-cmk'
        keyvaulturi: vaultUri
      }
      identity: { userAssignedIdentity: identityId }
      services: { blob: { enabled: true } }
    }
  }
}
