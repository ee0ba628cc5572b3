resource open 'Microsoft.Search/searchServices@2024-06-01-preview' = {
  name: 'srch-open'
  location: 'swedencentral'
  sku: { name: 'standard' }
  identity: { type: 'SystemAssigned' }
  properties: {
    replicaCount: 1
    partitionCount: 1
    publicNetworkAccess: 'enabled' // expect: AIS-SRCH-PUBLIC-NETWORK
  }
}

// Absent: enabled.
resource unset 'Microsoft.Search/searchServices@2024-06-01-preview' = { // expect: AIS-SRCH-PUBLIC-NETWORK
  name: 'srch-unset'
  location: 'swedencentral'
  sku: { name: 'standard' }
  identity: { type: 'SystemAssigned' }
  properties: {
    replicaCount: 1
    partitionCount: 1
  }
}
