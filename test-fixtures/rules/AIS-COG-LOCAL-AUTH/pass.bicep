resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-prod'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-prod'
    disableLocalAuth: true
  }
}

// An existing account is deployed elsewhere: never linted here.
resource shared 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: 'oai-shared'
}
