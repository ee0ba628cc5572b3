resource threads 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmos-agents-prod'
  location: 'swedencentral'
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [{ locationName: 'swedencentral', failoverPriority: 0 }]
    publicNetworkAccess: 'Disabled'
  }
}

// Public endpoint on, but the firewall admits listed ranges only.
resource history 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmos-history-prod'
  location: 'swedencentral'
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [{ locationName: 'swedencentral', failoverPriority: 0 }]
    ipRules: [
      { ipAddressOrRange: '203.0.113.0/24' }
    ]
  }
}
