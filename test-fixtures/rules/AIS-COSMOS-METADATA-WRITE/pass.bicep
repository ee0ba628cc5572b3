resource threads 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmos-agents-prod'
  location: 'swedencentral'
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [{ locationName: 'swedencentral', failoverPriority: 0 }]
    disableKeyBasedMetadataWriteAccess: true
  }
}

// Keys disabled altogether: no key can write metadata.
resource history 'Microsoft.DocumentDB/databaseAccounts@2024-05-15' = {
  name: 'cosmos-history-prod'
  location: 'swedencentral'
  kind: 'GlobalDocumentDB'
  properties: {
    databaseAccountOfferType: 'Standard'
    locations: [{ locationName: 'swedencentral', failoverPriority: 0 }]
    disableLocalAuth: true
  }
}
