param accessPolicies array

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-ai-prod'
  location: 'swedencentral'
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    accessPolicies: accessPolicies // expect-review: AIS-KV-ACCESS-POLICY-LP
  }
}
