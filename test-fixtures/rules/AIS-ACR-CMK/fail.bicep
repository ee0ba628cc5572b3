resource registry 'Microsoft.ContainerRegistry/registries@2023-07-01' = { // expect: AIS-ACR-CMK
  name: 'craiprod'
  location: 'swedencentral'
  sku: { name: 'Premium' }
}

resource build 'Microsoft.ContainerRegistry/registries@2023-07-01' = {
  name: 'craibuild'
  location: 'swedencentral'
  sku: { name: 'Premium' }
  properties: {
    encryption: {
      status: 'disabled' // expect: AIS-ACR-CMK
    }
  }
}
