resource aks 'Microsoft.ContainerService/managedClusters@2024-05-01' = {
  name: 'aks-ai-prod'
  location: 'swedencentral'
  identity: { type: 'SystemAssigned' }
  properties: {
    dnsPrefix: 'aks-ai-prod'
    disableLocalAccounts: false // expect: AIS-AKS-LOCAL-ACCOUNTS
    aadProfile: { managed: true, enableAzureRBAC: true }
  }
}

// Absent: local accounts are on.
resource dev 'Microsoft.ContainerService/managedClusters@2024-05-01' = { // expect: AIS-AKS-LOCAL-ACCOUNTS
  name: 'aks-ai-dev'
  location: 'swedencentral'
  identity: { type: 'SystemAssigned' }
  properties: {
    dnsPrefix: 'aks-ai-dev'
  }
}
