param name string = 'oai-prod'

resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: name
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: toLower(name)
  }
}
