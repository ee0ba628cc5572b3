resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-prod'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-prod'
    restrictOutboundNetworkAccess: false // expect: AIS-COG-OUTBOUND-RESTRICT
  }
}

// AI Services (Foundry) accounts are checked too; absent means unrestricted.
resource foundry 'Microsoft.CognitiveServices/accounts@2025-04-01-preview' = { // expect: AIS-COG-OUTBOUND-RESTRICT
  name: 'aif-prod'
  location: 'swedencentral'
  kind: 'AIServices'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'aif-prod'
  }
}

