resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-prod'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-prod'
    restrictOutboundNetworkAccess: true
    allowedFqdnList: [
      'stdataprod.blob.core.windows.net'
    ]
  }
}

// An empty list is explicit: nothing may be called.
resource foundry 'Microsoft.CognitiveServices/accounts@2025-04-01-preview' = {
  name: 'aif-prod'
  location: 'swedencentral'
  kind: 'AIServices'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'aif-prod'
    restrictOutboundNetworkAccess: true
    allowedFqdnList: []
  }
}

// Restricted without a list: every outbound call is blocked, the strictest state.
resource openaiNoList 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-batch'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-batch'
    restrictOutboundNetworkAccess: true
  }
}
