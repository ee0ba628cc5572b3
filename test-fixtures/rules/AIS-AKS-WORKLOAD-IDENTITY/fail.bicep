resource aks 'Microsoft.ContainerService/managedClusters@2024-05-01' = { // expect: AIS-AKS-WORKLOAD-IDENTITY
  name: 'aks-ai-prod'
  location: 'swedencentral'
  identity: { type: 'SystemAssigned' }
  properties: {
    dnsPrefix: 'aks-ai-prod'
    oidcIssuerProfile: { enabled: true }
  }
}

resource dev 'Microsoft.ContainerService/managedClusters@2024-05-01' = {
  name: 'aks-ai-dev'
  location: 'swedencentral'
  identity: { type: 'SystemAssigned' }
  properties: {
    dnsPrefix: 'aks-ai-dev'
    securityProfile: {
      workloadIdentity: { enabled: false } // expect: AIS-AKS-WORKLOAD-IDENTITY
    }
  }
}
