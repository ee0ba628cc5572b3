resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-ai-prod'
  location: 'swedencentral'
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    enableRbacAuthorization: false // expect: AIS-KV-RBAC
    accessPolicies: []
  }
}

// Absent before API version 2026-02-01: access policies.
resource secrets 'Microsoft.KeyVault/vaults@2023-07-01' = { // expect: AIS-KV-RBAC
  name: 'kv-ai-secrets'
  location: 'swedencentral'
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
  }
}
