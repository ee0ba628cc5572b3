resource threads 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmos-agents-prod'
  location: 'swedencentral'
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [{ locationName: 'swedencentral', failoverPriority: 0 }]
    publicNetworkAccess: 'Enabled' // expect: AIS-COSMOS-PUBLIC-NETWORK
  }
}

// Absent, and no firewall rules: every network.
resource history 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = { // expect: AIS-COSMOS-PUBLIC-NETWORK
  name: 'cosmos-history-prod'
  location: 'swedencentral'
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [{ locationName: 'swedencentral', failoverPriority: 0 }]
    ipRules: []
  }
}
