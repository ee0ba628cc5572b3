param appPrincipalId string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-ai-prod'
  location: 'swedencentral'
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    accessPolicies: [
      {
        tenantId: tenant().tenantId
        objectId: appPrincipalId
        permissions: {
          secrets: ['get', 'list']
          keys: ['get', 'wrapKey', 'unwrapKey']
        }
      }
    ]
  }
}

// On the RBAC model access policies are ignored: no finding.
resource rbacVault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-ai-rbac'
  location: 'swedencentral'
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: true
    accessPolicies: [
      {
        tenantId: tenant().tenantId
        objectId: appPrincipalId
        permissions: { secrets: ['all'] }
      }
    ]
  }
}
