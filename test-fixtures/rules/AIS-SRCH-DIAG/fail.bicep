param logWorkspaceId string

resource search 'Microsoft.Search/searchServices@2024-06-01-preview' = { // expect: AIS-SRCH-DIAG
  name: 'srch-prod'
  location: 'swedencentral'
  sku: { name: 'standard' }
  identity: { type: 'SystemAssigned' }
  properties: {
    replicaCount: 1
    partitionCount: 1
  }
}

// Logs disabled.
resource other 'Microsoft.Search/searchServices@2024-06-01-preview' = { // expect: AIS-SRCH-DIAG
  name: 'srch-other'
  location: 'swedencentral'
  sku: { name: 'standard' }
  identity: { type: 'SystemAssigned' }
  properties: {
    replicaCount: 1
    partitionCount: 1
  }
}

resource otherDiag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'diag-srch-other'
  scope: other
  properties: {
    workspaceId: logWorkspaceId
    logs: [{ category: 'OperationLogs', enabled: false }]
  }
}
