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

// The app gets the endpoint only and authenticates with its managed identity.
resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: 'app-chat-prod'
  location: 'swedencentral'
  identity: { type: 'SystemAssigned' }
  properties: {
    siteConfig: {
      appSettings: [
        { name: 'AZURE_OPENAI_ENDPOINT', value: openai.properties.endpoint }
      ]
    }
  }
}
