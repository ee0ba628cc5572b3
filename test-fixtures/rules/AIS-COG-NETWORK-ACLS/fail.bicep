// Public access on and the ACL allows everything.
resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-prod'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-prod'
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow' // expect: AIS-COG-NETWORK-ACLS
    }
  }
}

// Neither publicNetworkAccess nor networkAcls: open to every network.
resource language 'Microsoft.CognitiveServices/accounts@2024-10-01' = { // expect: AIS-COG-NETWORK-ACLS
  name: 'lang-prod'
  location: 'swedencentral'
  kind: 'TextAnalytics'
  sku: { name: 'S' }
}
