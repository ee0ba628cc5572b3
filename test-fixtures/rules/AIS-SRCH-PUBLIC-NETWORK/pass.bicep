// The enum is lower-case in many API versions; any case passes.
resource lower 'Microsoft.Search/searchServices@2024-06-01-preview' = {
  name: 'srch-lower'
  location: 'swedencentral'
  sku: { name: 'standard' }
  identity: { type: 'SystemAssigned' }
  properties: {
    replicaCount: 1
    partitionCount: 1
    publicNetworkAccess: 'disabled'
  }
}
resource upper 'Microsoft.Search/searchServices@2024-06-01-preview' = {
  name: 'srch-upper'
  location: 'swedencentral'
  sku: { name: 'standard' }
  identity: { type: 'SystemAssigned' }
  properties: {
    replicaCount: 1
    partitionCount: 1
    publicNetworkAccess: 'Disabled'
  }
}

// A network security perimeter decides.
resource perimeter 'Microsoft.Search/searchServices@2024-06-01-preview' = {
  name: 'srch-nsp'
  location: 'swedencentral'
  sku: { name: 'standard' }
  identity: { type: 'SystemAssigned' }
  properties: {
    replicaCount: 1
    partitionCount: 1
    publicNetworkAccess: 'securedByPerimeter'
  }
}
