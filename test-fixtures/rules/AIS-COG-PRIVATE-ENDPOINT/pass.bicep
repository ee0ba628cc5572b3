param subnetId string

resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-prod'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-prod'
    publicNetworkAccess: 'Disabled'
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
          groupIds: ['account']
        }
      }
    ]
  }
}

// A manual (approval-pending) connection is a private endpoint too.
resource language 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'lang-prod'
  location: 'swedencentral'
  kind: 'TextAnalytics'
  sku: { name: 'S' }
  properties: {
    customSubDomainName: 'lang-prod'
  }
}

resource languagePe 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'pe-lang-prod'
  location: 'swedencentral'
  properties: {
    subnet: { id: subnetId }
    manualPrivateLinkServiceConnections: [
      {
        name: 'lang-prod'
        properties: {
          privateLinkServiceId: language.id
          groupIds: ['account']
          requestMessage: 'Private access for the chat app'
        }
      }
    ]
  }
}
