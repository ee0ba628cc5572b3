resource threads 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = { // expect: AIS-COSMOS-METADATA-WRITE
  name: 'cosmos-agents-prod'
  location: 'swedencentral'
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [{ locationName: 'swedencentral', failoverPriority: 0 }]
  }
}

resource history 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmos-history-prod'
  location: 'swedencentral'
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [{ locationName: 'swedencentral', failoverPriority: 0 }]
    disableKeyBasedMetadataWriteAccess: false // expect: AIS-COSMOS-METADATA-WRITE
  }
}
