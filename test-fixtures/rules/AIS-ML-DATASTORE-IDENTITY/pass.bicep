param storageId string = '/subscriptions/0000/resourceGroups/rg-ai/providers/Microsoft.Storage/storageAccounts/stmlprod'
param keyVaultId string = '/subscriptions/0000/resourceGroups/rg-ai/providers/Microsoft.KeyVault/vaults/kv-ml-prod'
param appInsightsId string = '/subscriptions/0000/resourceGroups/rg-ai/providers/Microsoft.Insights/components/appi-ml-prod'

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
    systemDatastoresAuthMode: 'identity'
  }
}

// Any case; projects use their hub's datastores: skipped.
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
    systemDatastoresAuthMode: 'Identity'
  }
}
resource project 'Microsoft.MachineLearningServices/workspaces@2024-10-01' = {
  name: 'proj-chat'
  location: 'swedencentral'
  kind: 'Project'
  identity: { type: 'SystemAssigned' }
  sku: { name: 'Basic', tier: 'Basic' }
  properties: {
    storageAccount: storageId
    keyVault: keyVaultId
    applicationInsights: appInsightsId
    hubResourceId: hub.id
  }
}
