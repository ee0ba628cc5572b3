@allowed(['enabled', 'disabled'])
param access string = 'disabled'

@allowed(['enabled', 'disabled'])
param openOrNot string

resource byDefault 'Microsoft.Search/searchServices@2024-06-01-preview' = {
  name: 'srch-default'
  location: 'swedencentral'
  sku: { name: 'standard' }
  identity: { type: 'SystemAssigned' }
  properties: {
    replicaCount: 1
    partitionCount: 1
    publicNetworkAccess: access
  }
}
resource candidates 'Microsoft.Search/searchServices@2024-06-01-preview' = {
  name: 'srch-candidates'
  location: 'swedencentral'
  sku: { name: 'standard' }
  identity: { type: 'SystemAssigned' }
  properties: {
    replicaCount: 1
    partitionCount: 1
    publicNetworkAccess: openOrNot // expect: AIS-SRCH-PUBLIC-NETWORK
  }
}
