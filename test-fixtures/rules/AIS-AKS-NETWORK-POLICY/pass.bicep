resource aks 'Microsoft.ContainerService/managedClusters@2024-05-01' = {
  name: 'aks-ai-prod'
  location: 'swedencentral'
  identity: { type: 'SystemAssigned' }
  properties: {
    dnsPrefix: 'aks-ai-prod'
    networkProfile: {
      networkPlugin: 'azure'
      networkPolicy: 'cilium'
      networkDataplane: 'cilium'
    }
  }
}
