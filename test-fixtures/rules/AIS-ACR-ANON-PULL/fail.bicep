resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'craiprod'
  location: 'swedencentral'
  sku: { name: 'Standard' }
  properties: {
    anonymousPullEnabled: true // expect: AIS-ACR-ANON-PULL
  }
}
