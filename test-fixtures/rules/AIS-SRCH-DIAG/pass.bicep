param logWorkspaceId string

resource search 'Microsoft.Search/searchServices@2024-06-01-preview' = {
  name: 'srch-prod'
  location: 'swedencentral'
  sku: { name: 'standard' }
  identity: { type: 'SystemAssigned' }
  properties: {
    replicaCount: 1
    partitionCount: 1
  }
}

resource diag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'diag-srch'
  scope: search
  properties: {
    workspaceId: logWorkspaceId
    logs: [{ category: 'OperationLogs', enabled: true }]
  }
}
