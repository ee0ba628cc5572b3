resource aks 'Microsoft.ContainerService/managedClusters@2024-05-01' = {
  name: 'aks-ai-prod'
  location: 'swedencentral'
  identity: { type: 'SystemAssigned' }
  properties: {
    dnsPrefix: 'aks-ai-prod'
    enableRBAC: true
    aadProfile: {
      managed: true
      enableAzureRBAC: true
    }
  }
}
