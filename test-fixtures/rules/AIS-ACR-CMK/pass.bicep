param identityId string
param identityClientId string
param keyId string

resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'craiprod'
  location: 'swedencentral'
  sku: { name: 'Premium' }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    encryption: {
      status: 'enabled'
      keyVaultProperties: {
        identity: identityClientId
        keyIdentifier: keyId
      }
    }
  }
}
