param disableKeys bool

resource search 'Microsoft.Search/searchServices@2024-06-01-preview' = {
  name: 'srch-prod'
  location: 'swedencentral'
  sku: { name: 'standard' }
  identity: { type: 'SystemAssigned' }
  properties: {
    replicaCount: 1
    partitionCount: 1
    disableLocalAuth: disableKeys // expect-review: AIS-SRCH-LOCAL-AUTH
  }
}
