// e2e fixture: an Azure OpenAI account that still accepts API keys (AIS-COG-LOCAL-AUTH, safe quick fix).
resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-e2e'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-e2e'
    disableLocalAuth: false
  }
}
