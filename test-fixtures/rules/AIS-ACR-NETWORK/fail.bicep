resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'craiprod'
  location: 'swedencentral'
  sku: { name: 'Premium' }
  properties: {
    publicNetworkAccess: 'Enabled'
    networkRuleSet: {
      defaultAction: 'Allow' // expect: AIS-ACR-NETWORK
    }
  }
}

// Absent: open to every network.
resource dev 'Microsoft.ContainerRegistry/registries@2023-07-01' = { // expect: AIS-ACR-NETWORK
  name: 'craidev'
  location: 'swedencentral'
  sku: { name: 'Basic' }
}
