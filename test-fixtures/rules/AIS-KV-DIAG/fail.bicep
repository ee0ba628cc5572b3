param workspaceId string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = { // expect: AIS-KV-DIAG
  name: 'kv-ai-prod'
  location: 'swedencentral'
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
  }
}

// A setting that keeps only a category other than AuditEvent.
resource secrets 'Microsoft.KeyVault/vaults@2023-07-01' = { // expect: AIS-KV-DIAG
  name: 'kv-ai-secrets'
  location: 'swedencentral'
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
  }
}

resource secretsDiag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'diag-secrets'
  scope: secrets
  properties: {
    workspaceId: workspaceId
    logs: [
      { category: 'AzurePolicyEvaluationDetails', enabled: true }
    ]
  }
}
