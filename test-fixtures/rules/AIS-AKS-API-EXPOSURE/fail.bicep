resource aks 'Microsoft.ContainerService/managedClusters@2024-05-01' = { // expect: AIS-AKS-API-EXPOSURE
  name: 'aks-ai-prod'
  location: 'swedencentral'
  identity: { type: 'SystemAssigned' }
  properties: {
    dnsPrefix: 'aks-ai-prod'
  }
}

// Authorized ranges that admit everyone.
resource open 'Microsoft.ContainerService/managedClusters@2024-05-01' = {
  name: 'aks-ai-open'
  location: 'swedencentral'
  identity: { type: 'SystemAssigned' }
  properties: {
    dnsPrefix: 'aks-ai-open'
    apiServerAccessProfile: {
      authorizedIPRanges: ['0.0.0.0/0'] // expect: AIS-AKS-API-EXPOSURE
    }
  }
}
