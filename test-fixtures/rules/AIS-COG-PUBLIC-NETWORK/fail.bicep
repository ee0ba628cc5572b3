resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-prod'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-prod'
    publicNetworkAccess: 'Enabled' // expect: AIS-COG-PUBLIC-NETWORK
  }
}

// publicNetworkAccess absent: Enabled.
resource language 'Microsoft.CognitiveServices/accounts@2024-10-01' = { // expect: AIS-COG-PUBLIC-NETWORK
  name: 'lang-prod'
  location: 'swedencentral'
  kind: 'TextAnalytics'
  sku: { name: 'S' }
}
