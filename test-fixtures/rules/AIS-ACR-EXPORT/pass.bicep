resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'craiprod'
  location: 'swedencentral'
  sku: { name: 'Premium' }
  properties: {
    publicNetworkAccess: 'Disabled'
    policies: {
      exportPolicy: {
        status: 'Disabled'
      }
    }
  }
}
