// No default, but @allowed lists the candidates: one of them (false) fails, so it is a definite finding.
@allowed([
  true
  false
])
param disableKeys bool

// Every allowed value passes: no finding.
@allowed([
  true
])
param alwaysDisabled bool

resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-prod'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    disableLocalAuth: disableKeys // expect: AIS-COG-LOCAL-AUTH
  }
}

resource language 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'lang-prod'
  location: 'swedencentral'
  kind: 'TextAnalytics'
  sku: { name: 'S' }
  properties: {
    disableLocalAuth: alwaysDisabled
  }
}
