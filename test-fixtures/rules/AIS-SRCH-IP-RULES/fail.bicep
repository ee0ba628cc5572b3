resource search 'Microsoft.Search/searchServices@2024-06-01-preview' = {
  name: 'srch-prod'
  location: 'swedencentral'
  sku: { name: 'standard' }
  identity: { type: 'SystemAssigned' }
  properties: {
    replicaCount: 1
    partitionCount: 1
    publicNetworkAccess: 'enabled'
    networkRuleSet: {
      ipRules: [
        { value: '203.0.113.0/24' }
        { value: '0.0.0.0/0' } // expect: AIS-SRCH-IP-RULES
      ]
    }
  }
}
