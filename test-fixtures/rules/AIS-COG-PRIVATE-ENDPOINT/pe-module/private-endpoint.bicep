param name string
param subnetId string
param targetId string

resource pe 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: name
  location: resourceGroup().location
  properties: {
    subnet: { id: subnetId }
    privateLinkServiceConnections: [
      {
        name: name
        properties: {
          privateLinkServiceId: targetId
          groupIds: ['account']
        }
      }
    ]
  }
}
