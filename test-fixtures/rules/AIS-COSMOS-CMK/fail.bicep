resource threads 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = { // expect: AIS-COSMOS-CMK
  name: 'cosmos-agents-prod'
  location: 'swedencentral'
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [{ locationName: 'swedencentral', failoverPriority: 0 }]
  }
}
