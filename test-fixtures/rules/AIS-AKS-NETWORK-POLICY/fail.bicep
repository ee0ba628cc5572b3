resource aks 'Microsoft.ContainerService/managedClusters@2024-05-01' = { // expect: AIS-AKS-NETWORK-POLICY
  name: 'aks-ai-prod'
  location: 'swedencentral'
  identity: { type: 'SystemAssigned' }
  properties: {
    dnsPrefix: 'aks-ai-prod'
    networkProfile: {
      networkPlugin: 'azure'
    }
  }
}

resource none 'Microsoft.ContainerService/managedClusters@2024-05-01' = {
  name: 'aks-ai-dev'
  location: 'swedencentral'
  identity: { type: 'SystemAssigned' }
  properties: {
    dnsPrefix: 'aks-ai-dev'
    networkProfile: {
      networkPlugin: 'azure'
      networkPolicy: 'none' // expect: AIS-AKS-NETWORK-POLICY
    }
  }
}
