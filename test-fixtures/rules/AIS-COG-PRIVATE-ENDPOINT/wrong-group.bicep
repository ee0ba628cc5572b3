param subnetId string

// The endpoint targets the account, but not its 'account' sub-resource.
resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' = { // expect: AIS-COG-PRIVATE-ENDPOINT
  name: 'oai-prod'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-prod'
  }
}

resource pe 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'pe-oai-prod'
  location: 'swedencentral'
  properties: {
    subnet: { id: subnetId }
    privateLinkServiceConnections: [
      {
        name: 'oai-prod'
        properties: {
          privateLinkServiceId: openai.id
          groupIds: ['blob']
        }
      }
    ]
  }
}
