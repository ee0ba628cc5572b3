param workspaceId string

resource aks 'Microsoft.ContainerService/managedClusters@2024-05-01' = {
  name: 'aks-ai-prod'
  location: 'swedencentral'
  identity: { type: 'SystemAssigned' }
  properties: {
    dnsPrefix: 'aks-ai-prod'
    addonProfiles: {
      omsAgent: {
        enabled: true
        config: { logAnalyticsWorkspaceResourceID: workspaceId }
      }
    }
  }
}

resource aksDiag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'diag-aks'
  scope: aks
  properties: {
    workspaceId: workspaceId
    logs: [
      { category: 'kube-audit-admin', enabled: true }
    ]
  }
}
