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
          secrets: [
            'get'
            'list'
            'purge' // expect: AIS-KV-ACCESS-POLICY-LP
          ]
          keys: [
            'all' // expect: AIS-KV-ACCESS-POLICY-LP
          ]
        }
      }
    ]
  }
}

// A separate accessPolicies resource.
resource morePolicies 'Microsoft.KeyVault/vaults/accessPolicies@2023-07-01' = {
  parent: vault
  name: 'add'
  properties: {
    accessPolicies: [
      {
        tenantId: tenant().tenantId
        objectId: appPrincipalId
        permissions: {
          certificates: ['All'] // expect: AIS-KV-ACCESS-POLICY-LP
        }
      }
    ]
  }
}
