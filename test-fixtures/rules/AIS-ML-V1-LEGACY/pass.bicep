param storageId string = '/subscriptions/0000/resourceGroups/rg-ai/providers/Microsoft.Storage/storageAccounts/stmlprod'
param keyVaultId string = '/subscriptions/0000/resourceGroups/rg-ai/providers/Microsoft.KeyVault/vaults/kv-ml-prod'
param appInsightsId string = '/subscriptions/0000/resourceGroups/rg-ai/providers/Microsoft.Insights/components/appi-ml-prod'

resource ws 'Microsoft.MachineLearningServices/workspaces@2024-10-01' = {
  name: 'mlw-prod'
  location: 'swedencentral'
  kind: 'Default'
  identity: { type: 'SystemAssigned' }
  sku: { name: 'Basic', tier: 'Basic' }
  properties: {
    storageAccount: storageId
    keyVault: keyVaultId
    applicationInsights: appInsightsId
    publicNetworkAccess: 'Disabled'
    v1LegacyMode: true
  }
}

// Public workspaces: the mode would not isolate anything. Not reported.
resource open 'Microsoft.MachineLearningServices/workspaces@2024-10-01' = {
  name: 'mlw-open'
  location: 'swedencentral'
  kind: 'Default'
  identity: { type: 'SystemAssigned' }
  sku: { name: 'Basic', tier: 'Basic' }
  properties: {
    storageAccount: storageId
    keyVault: keyVaultId
    applicationInsights: appInsightsId
    publicNetworkAccess: 'Enabled'
  }
}

// AI Foundry hubs are v2 only: skipped.
resource hub 'Microsoft.MachineLearningServices/workspaces@2024-10-01' = {
  name: 'hub-prod'
  location: 'swedencentral'
  kind: 'Hub'
  identity: { type: 'SystemAssigned' }
  sku: { name: 'Basic', tier: 'Basic' }
  properties: {
    storageAccount: storageId
    keyVault: keyVaultId
    applicationInsights: appInsightsId
    publicNetworkAccess: 'Disabled'
  }
}
