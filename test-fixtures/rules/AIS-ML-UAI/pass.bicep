param storageId string = '/subscriptions/0000/resourceGroups/rg-ai/providers/Microsoft.Storage/storageAccounts/stmlprod'
param keyVaultId string = '/subscriptions/0000/resourceGroups/rg-ai/providers/Microsoft.KeyVault/vaults/kv-ml-prod'
param appInsightsId string = '/subscriptions/0000/resourceGroups/rg-ai/providers/Microsoft.Insights/components/appi-ml-prod'
param identityId string = '/subscriptions/0000/resourceGroups/rg-ai/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-mlw-prod'

resource ws 'Microsoft.MachineLearningServices/workspaces@2024-10-01' = {
  name: 'mlw-prod'
  location: 'swedencentral'
  kind: 'Default'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  sku: { name: 'Basic', tier: 'Basic' }
  properties: {
    storageAccount: storageId
    keyVault: keyVaultId
    applicationInsights: appInsightsId
    primaryUserAssignedIdentity: identityId
  }
}
