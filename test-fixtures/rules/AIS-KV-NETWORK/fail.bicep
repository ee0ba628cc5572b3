resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-ai-prod'
  location: 'swedencentral'
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      defaultAction: 'Allow' // expect: AIS-KV-NETWORK
      bypass: 'AzureServices'
    }
  }
}

// Absent: open to every network.
resource secrets 'Microsoft.KeyVault/vaults@2023-07-01' = { // expect: AIS-KV-NETWORK
  name: 'kv-ai-secrets'
  location: 'swedencentral'
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
  }
}
