param storageId string = '/subscriptions/0000/resourceGroups/rg-ai/providers/Microsoft.Storage/storageAccounts/stmlprod'
param keyVaultId string = '/subscriptions/0000/resourceGroups/rg-ai/providers/Microsoft.KeyVault/vaults/kv-ml-prod'
param appInsightsId string = '/subscriptions/0000/resourceGroups/rg-ai/providers/Microsoft.Insights/components/appi-ml-prod'

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
    publicNetworkAccess: 'Enabled' // expect: AIS-ML-PUBLIC-NETWORK
  }
}

// Absent publicNetworkAccess is non-compliant (Azure Policy 438c38d2).
resource unset 'Microsoft.MachineLearningServices/workspaces@2024-10-01' = { // expect: AIS-ML-PUBLIC-NETWORK
  name: 'mlw-unset'
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

// The legacy flag re-opens public access behind a VNet.
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
    allowPublicAccessWhenBehindVnet: true // expect: AIS-ML-PUBLIC-NETWORK
  }
}
