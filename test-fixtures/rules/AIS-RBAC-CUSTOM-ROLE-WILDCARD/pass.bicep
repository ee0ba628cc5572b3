resource deployer 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(resourceGroup().id, 'ai-deployer')
  properties: {
    roleName: 'AI model deployer'
    type: 'CustomRole'
    assignableScopes: [resourceGroup().id]
    permissions: [
      {
        actions: [
          'Microsoft.CognitiveServices/accounts/read'
          'Microsoft.CognitiveServices/accounts/deployments/*'
        ]
        dataActions: []
      }
    ]
  }
}

// A namespace wildcard on a single resource group is narrow enough for this rule.
resource rgOperator 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(resourceGroup().id, 'rg-operator')
  properties: {
    roleName: 'Search operator (rg)'
    type: 'CustomRole'
    assignableScopes: [resourceGroup().id]
    permissions: [
      {
        actions: ['Microsoft.Search/*']
      }
    ]
  }
}
