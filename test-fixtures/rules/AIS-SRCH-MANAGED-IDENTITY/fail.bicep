resource search 'Microsoft.Search/searchServices@2024-06-01-preview' = { // expect: AIS-SRCH-MANAGED-IDENTITY
  name: 'srch-prod'
  location: 'swedencentral'
  sku: { name: 'standard' }
  properties: {
    replicaCount: 1
    partitionCount: 1
  }
}

resource none 'Microsoft.Search/searchServices@2024-06-01-preview' = {
  name: 'srch-none'
  location: 'swedencentral'
  sku: { name: 'standard' }
  identity: { type: 'None' } // expect: AIS-SRCH-MANAGED-IDENTITY
  properties: {
    replicaCount: 1
    partitionCount: 1
  }
}
