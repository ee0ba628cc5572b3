param workspaceId string

// Neither container logs nor control-plane audit logs.
resource aks 'Microsoft.ContainerService/managedClusters@2024-05-01' = { // expect: AIS-AKS-MONITORING, AIS-AKS-MONITORING
  name: 'aks-ai-prod'
  location: 'swedencentral'
  identity: { type: 'SystemAssigned' }
  properties: {
    dnsPrefix: 'aks-ai-prod'
  }
}

// Container Insights on, but the diagnostic setting keeps no audit log.
resource ops 'Microsoft.ContainerService/managedClusters@2024-05-01' = { // expect: AIS-AKS-MONITORING
  name: 'aks-ai-ops'
  location: 'swedencentral'
  identity: { type: 'SystemAssigned' }
  properties: {
    dnsPrefix: 'aks-ai-ops'
    addonProfiles: {
      omsagent: {
        enabled: true
        config: { logAnalyticsWorkspaceResourceID: workspaceId }
      }
    }
  }
}

resource opsDiag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'diag-aks-ops'
  scope: ops
  properties: {
    workspaceId: workspaceId
    logs: [
      { category: 'cluster-autoscaler', enabled: true }
    ]
  }
}
