// Contributor on a resource that is not part of the AI workload: out of this rule's scope.
resource appIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-build'
  location: 'swedencentral'
}

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'plan-build'
  location: 'swedencentral'
  sku: { name: 'P1v3' }
}

resource contributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(plan.id, appIdentity.id, 'contributor')
  scope: plan
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'b24988ac-6180-42a0-ab88-20f7382dd24c')
    principalId: appIdentity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}
