resource noRbac 'Microsoft.ContainerService/managedClusters@2024-05-01' = {
  name: 'aks-ai-legacy'
  location: 'swedencentral'
  identity: { type: 'SystemAssigned' }
  properties: {
    dnsPrefix: 'aks-ai-legacy'
    enableRBAC: false // expect: AIS-AKS-ENTRA-RBAC
  }
}

// No Microsoft Entra integration at all.
resource dev 'Microsoft.ContainerService/managedClusters@2024-05-01' = { // expect: AIS-AKS-ENTRA-RBAC
  name: 'aks-ai-dev'
  location: 'swedencentral'
  identity: { type: 'SystemAssigned' }
  properties: {
    dnsPrefix: 'aks-ai-dev'
  }
}

// Entra sign-in, but Kubernetes bindings only.
resource prod 'Microsoft.ContainerService/managedClusters@2024-05-01' = {
  name: 'aks-ai-prod'
  location: 'swedencentral'
  identity: { type: 'SystemAssigned' }
  properties: {
    dnsPrefix: 'aks-ai-prod'
    aadProfile: {
      managed: true
      enableAzureRBAC: false // expect: AIS-AKS-ENTRA-RBAC
    }
  }
}
