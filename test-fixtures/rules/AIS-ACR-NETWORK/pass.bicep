resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'craiprod'
  location: 'swedencentral'
  sku: { name: 'Premium' }
  properties: {
    publicNetworkAccess: 'Disabled'
  }
}

resource build 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'craibuild'
  location: 'swedencentral'
  sku: { name: 'Premium' }
  properties: {
    networkRuleSet: {
      defaultAction: 'Deny'
      ipRules: [
        { action: 'Allow', value: '203.0.113.0/24' }
      ]
    }
  }
}
