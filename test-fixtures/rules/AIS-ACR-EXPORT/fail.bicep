resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'craiprod'
  location: 'swedencentral'
  sku: { name: 'Premium' }
  properties: {
    publicNetworkAccess: 'Disabled'
    policies: {
      exportPolicy: {
        status: 'enabled' // expect: AIS-ACR-EXPORT
      }
    }
  }
}

// Absent: exports enabled.
resource build 'Microsoft.ContainerRegistry/registries@2023-07-01' = { // expect: AIS-ACR-EXPORT
  name: 'craibuild'
  location: 'swedencentral'
  sku: { name: 'Premium' }
}
