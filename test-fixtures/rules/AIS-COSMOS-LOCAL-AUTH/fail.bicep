resource threads 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmos-agents-prod'
  location: 'swedencentral'
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [{ locationName: 'swedencentral', failoverPriority: 0 }]
    disableLocalAuth: false // expect: AIS-COSMOS-LOCAL-AUTH
  }
}

resource history 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = { // expect: AIS-COSMOS-LOCAL-AUTH
  name: 'cosmos-history-prod'
  location: 'swedencentral'
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [{ locationName: 'swedencentral', failoverPriority: 0 }]
  }
}
