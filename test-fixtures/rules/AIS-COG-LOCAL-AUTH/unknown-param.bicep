// No default and no parameter file: the value cannot be known, so the finding is "cannot verify".
param disableKeys bool

resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-prod'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-prod'
    disableLocalAuth: disableKeys // expect-review: AIS-COG-LOCAL-AUTH
  }
}
