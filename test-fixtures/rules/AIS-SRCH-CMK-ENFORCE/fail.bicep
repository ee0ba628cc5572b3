resource search 'Microsoft.Search/searchServices@2024-06-01-preview' = {
  name: 'srch-prod'
  location: 'swedencentral'
  sku: { name: 'standard' }
  identity: { type: 'SystemAssigned' }
  properties: {
    replicaCount: 1
    partitionCount: 1
    encryptionWithCmk: { enforcement: 'Disabled' } // expect: AIS-SRCH-CMK-ENFORCE
  }
}

// Absent: Unspecified (not enforced).
resource unset 'Microsoft.Search/searchServices@2024-06-01-preview' = { // expect: AIS-SRCH-CMK-ENFORCE
  name: 'srch-unset'
  location: 'swedencentral'
  sku: { name: 'standard' }
  identity: { type: 'SystemAssigned' }
  properties: {
    replicaCount: 1
    partitionCount: 1
  }
}
