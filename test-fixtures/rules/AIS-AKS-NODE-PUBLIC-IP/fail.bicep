resource aks 'Microsoft.ContainerService/managedClusters@2024-05-01' = {
  name: 'aks-ai-prod'
  location: 'swedencentral'
  identity: { type: 'SystemAssigned' }
  properties: {
    dnsPrefix: 'aks-ai-prod'
    agentPoolProfiles: [
      {
        name: 'system'
        mode: 'System'
        count: 3
        vmSize: 'Standard_D4s_v5'
      }
      {
        name: 'gpu'
        mode: 'User'
        count: 1
        vmSize: 'Standard_NC24ads_A100_v4'
        enableNodePublicIP: true // expect: AIS-AKS-NODE-PUBLIC-IP
      }
    ]
  }
}

resource inference 'Microsoft.ContainerService/managedClusters/agentPools@2024-05-01' = {
  parent: aks
  name: 'inference'
  properties: {
    mode: 'User'
    count: 2
    vmSize: 'Standard_NC24ads_A100_v4'
    enableNodePublicIP: true // expect: AIS-AKS-NODE-PUBLIC-IP
  }
}
