param subnetId string
// The endpoint's target comes from a parameter without default: it may be this account.
param targetResourceId string

resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' = { // expect-review: AIS-COG-PRIVATE-ENDPOINT
  name: 'oai-prod'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-prod'
  }
}

resource pe 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'pe-unknown'
  location: 'swedencentral'
  properties: {
    subnet: { id: subnetId }
    privateLinkServiceConnections: [
      {
        name: 'target'
        properties: {
          privateLinkServiceId: targetResourceId
          groupIds: ['account']
        }
      }
    ]
  }
}
