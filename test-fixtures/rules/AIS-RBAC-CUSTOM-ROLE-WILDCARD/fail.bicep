targetScope = 'subscription'

resource aiOperator 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(subscription().id, 'ai-operator')
  properties: {
    roleName: 'AI operator'
    type: 'CustomRole'
    assignableScopes: [subscription().id]
    permissions: [
      {
        actions: [
          'Microsoft.CognitiveServices/*' // expect: AIS-RBAC-CUSTOM-ROLE-WILDCARD
          'Microsoft.Authorization/roleDefinitions/write' // expect: AIS-RBAC-CUSTOM-ROLE-WILDCARD
        ]
        dataActions: [
          '*' // expect: AIS-RBAC-CUSTOM-ROLE-WILDCARD
        ]
      }
    ]
  }
}

resource everything 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(subscription().id, 'everything')
  properties: {
    roleName: 'Everything'
    type: 'CustomRole'
    assignableScopes: [subscription().id]
    permissions: [
      {
        actions: ['*'] // expect: AIS-RBAC-CUSTOM-ROLE-WILDCARD
      }
    ]
  }
}
