// The value comes from a parameter default: reported at the use, related to the default.
param disableKeys bool = false

resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-prod'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-prod'
    disableLocalAuth: disableKeys // expect: AIS-COG-LOCAL-AUTH
  }
}
