param storageId string = '/subscriptions/0000/resourceGroups/rg-ai/providers/Microsoft.Storage/storageAccounts/stmlprod'
param keyVaultId string = '/subscriptions/0000/resourceGroups/rg-ai/providers/Microsoft.KeyVault/vaults/kv-ml-prod'
param appInsightsId string = '/subscriptions/0000/resourceGroups/rg-ai/providers/Microsoft.Insights/components/appi-ml-prod'
param logWorkspaceId string

resource ws 'Microsoft.MachineLearningServices/workspaces@2024-10-01' = { // expect: AIS-ML-DIAG
  name: 'mlw-prod'
  location: 'swedencentral'
  kind: 'Default'
  identity: { type: 'SystemAssigned' }
  sku: { name: 'Basic', tier: 'Basic' }
  properties: {
    storageAccount: storageId
    keyVault: keyVaultId
    applicationInsights: appInsightsId
  }
}

// Metrics only.
resource hub 'Microsoft.MachineLearningServices/workspaces@2024-10-01' = { // expect: AIS-ML-DIAG
  name: 'hub-prod'
  location: 'swedencentral'
  kind: 'Hub'
  identity: { type: 'SystemAssigned' }
  sku: { name: 'Basic', tier: 'Basic' }
  properties: {
    storageAccount: storageId
    keyVault: keyVaultId
    applicationInsights: appInsightsId
  }
}

resource hubDiag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'diag-hub'
  scope: hub
  properties: {
    workspaceId: logWorkspaceId
    metrics: [{ category: 'AllMetrics', enabled: true }]
  }
}
