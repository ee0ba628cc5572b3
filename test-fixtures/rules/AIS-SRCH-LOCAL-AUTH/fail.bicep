resource keys 'Microsoft.Search/searchServices@2024-06-01-preview' = {
  name: 'srch-keys'
  location: 'swedencentral'
  sku: { name: 'standard' }
  identity: { type: 'SystemAssigned' }
  properties: {
    replicaCount: 1
    partitionCount: 1
    disableLocalAuth: false // expect: AIS-SRCH-LOCAL-AUTH
  }
}

// Absent disableLocalAuth with authOptions: keys are accepted alongside Entra ID.
resource both 'Microsoft.Search/searchServices@2024-06-01-preview' = {
  name: 'srch-both'
  location: 'swedencentral'
  sku: { name: 'standard' }
  identity: { type: 'SystemAssigned' }
  properties: {
    replicaCount: 1
    partitionCount: 1
    authOptions: { // expect: AIS-SRCH-LOCAL-AUTH
      aadOrApiKey: { aadAuthFailureMode: 'http401WithBearerChallenge' }
    }
  }
}

// Absent: API keys on.
resource unset 'Microsoft.Search/searchServices@2024-06-01-preview' = { // expect: AIS-SRCH-LOCAL-AUTH
  name: 'srch-unset'
  location: 'swedencentral'
  sku: { name: 'standard' }
  identity: { type: 'SystemAssigned' }
  properties: {
    replicaCount: 1
    partitionCount: 1
  }
}
