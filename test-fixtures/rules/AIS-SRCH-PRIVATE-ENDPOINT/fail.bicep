resource search 'Microsoft.Search/searchServices@2024-06-01-preview' = { // expect: AIS-SRCH-PRIVATE-ENDPOINT
  name: 'srch-prod'
  location: 'swedencentral'
  sku: { name: 'standard' }
  identity: { type: 'SystemAssigned' }
  properties: {
    replicaCount: 1
    partitionCount: 1
    publicNetworkAccess: 'disabled'
  }
}

// The free tier cannot have a private endpoint.
resource dev 'Microsoft.Search/searchServices@2024-06-01-preview' = {
  name: 'srch-dev'
  location: 'swedencentral'
  sku: { name: 'free' } // expect: AIS-SRCH-PRIVATE-ENDPOINT
  properties: {
    replicaCount: 1
    partitionCount: 1
  }
}
