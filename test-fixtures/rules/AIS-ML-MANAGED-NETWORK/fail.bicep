param storageId string = '/subscriptions/0000/resourceGroups/rg-ai/providers/Microsoft.Storage/storageAccounts/stmlprod'
param keyVaultId string = '/subscriptions/0000/resourceGroups/rg-ai/providers/Microsoft.KeyVault/vaults/kv-ml-prod'
param appInsightsId string = '/subscriptions/0000/resourceGroups/rg-ai/providers/Microsoft.Insights/components/appi-ml-prod'

// No managed network (absent = Disabled).
resource plain 'Microsoft.MachineLearningServices/workspaces@2024-10-01' = { // expect: AIS-ML-MANAGED-NETWORK
  name: 'mlw-plain'
  location: 'swedencentral'
  kind: 'Default'
  identity: { type: 'SystemAssigned' }
  sku: { name: 'Basic', tier: 'Basic' }
  properties: {
    storageAccount: storageId
    keyVault: keyVaultId
    applicationInsights: appInsightsId
    publicNetworkAccess: 'Disabled'
  }
}

// A managed network that reaches any internet host.
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
    managedNetwork: {
      isolationMode: 'AllowInternetOutbound' // expect: AIS-ML-MANAGED-NETWORK
    }
  }
}

resource off 'Microsoft.MachineLearningServices/workspaces@2024-10-01' = {
  name: 'mlw-off'
  location: 'swedencentral'
  kind: 'Default'
  identity: { type: 'SystemAssigned' }
  sku: { name: 'Basic', tier: 'Basic' }
  properties: {
    storageAccount: storageId
    keyVault: keyVaultId
    applicationInsights: appInsightsId
    managedNetwork: { isolationMode: 'Disabled' } // expect: AIS-ML-MANAGED-NETWORK
  }
}
