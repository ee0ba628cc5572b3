// Behind a condition that is false under the known values: never deployed, not linted.
param deployLegacy bool = false
param deployNew bool

resource legacy 'Microsoft.CognitiveServices/accounts@2024-10-01' = if (deployLegacy) {
  name: 'oai-legacy'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-legacy'
    disableLocalAuth: false
  }
}

// An unknown condition may hold: linted.
resource current 'Microsoft.CognitiveServices/accounts@2024-10-01' = if (deployNew) {
  name: 'oai-current'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-current'
    disableLocalAuth: false // expect: AIS-COG-LOCAL-AUTH
  }
}
