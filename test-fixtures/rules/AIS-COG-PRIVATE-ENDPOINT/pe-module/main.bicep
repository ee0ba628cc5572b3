// The private endpoint is declared in a module that receives the account's id.
param subnetId string

resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-prod'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-prod'
    publicNetworkAccess: 'Disabled'
  }
}

module endpoint 'private-endpoint.bicep' = {
  name: 'pe-oai-prod'
  params: {
    name: 'pe-oai-prod'
    subnetId: subnetId
    targetId: openai.id
  }
}
