resource search 'Microsoft.Search/searchServices@2024-06-01-preview' = {
  name: 'srch-prod'
  location: 'swedencentral'
  sku: { name: 'standard' }
  identity: { type: 'SystemAssigned' }
  properties: {
    replicaCount: 1
    partitionCount: 1
  }
}

// User-assigned only passes too (Checkov and PSRule accept only SystemAssigned).
resource uai 'Microsoft.Search/searchServices@2024-06-01-preview' = {
  name: 'srch-uai'
  location: 'swedencentral'
  sku: { name: 'standard' }
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '/subscriptions/0000/resourceGroups/rg-ai/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-srch': {} }
  }
  properties: {
    replicaCount: 1
    partitionCount: 1
  }
}

// The free tier does not support managed identities: skipped.
resource dev 'Microsoft.Search/searchServices@2024-06-01-preview' = {
  name: 'srch-dev'
  location: 'swedencentral'
  sku: { name: 'free' }
  properties: {
    replicaCount: 1
    partitionCount: 1
  }
}
