// Restricted by the ACL while public access stays on.
resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-prod'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-prod'
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Deny'
      ipRules: [
        { value: '203.0.113.0/24' }
      ]
    }
  }
}

// Restricted by turning public access off: the ACL does not matter.
resource language 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'lang-prod'
  location: 'swedencentral'
  kind: 'TextAnalytics'
  sku: { name: 'S' }
  properties: {
    customSubDomainName: 'lang-prod'
    publicNetworkAccess: 'Disabled'
    networkAcls: {
      defaultAction: 'Allow'
    }
  }
}
