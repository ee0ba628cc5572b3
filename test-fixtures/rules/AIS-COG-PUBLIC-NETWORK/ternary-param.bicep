// A ternary on a parameter with a default is resolved; one on an unknown condition yields two candidates.
param isProduction bool = true
param exposePublicly bool

resource prod 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-prod'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    publicNetworkAccess: isProduction ? 'Disabled' : 'Enabled'
  }
}

resource maybe 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-maybe'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    publicNetworkAccess: exposePublicly ? 'Enabled' : 'Disabled' // expect: AIS-COG-PUBLIC-NETWORK
  }
}
