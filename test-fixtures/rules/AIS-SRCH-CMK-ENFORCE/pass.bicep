resource search 'Microsoft.Search/searchServices@2024-06-01-preview' = {
  name: 'srch-prod'
  location: 'swedencentral'
  sku: { name: 'standard' }
  identity: { type: 'SystemAssigned' }
  properties: {
    replicaCount: 1
    partitionCount: 1
    encryptionWithCmk: { enforcement: 'Enabled' }
  }
}

// The free tier does not support customer-managed keys: skipped.
resource dev 'Microsoft.Search/searchServices@2024-06-01-preview' = {
  name: 'srch-dev'
  location: 'swedencentral'
  sku: { name: 'free' }
  properties: {
    replicaCount: 1
    partitionCount: 1
  }
}
