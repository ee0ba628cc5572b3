// Either condition passes: public access disabled, or a firewall that denies by default.
resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-ai-prod'
  location: 'swedencentral'
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    publicNetworkAccess: 'Disabled'
  }
}

resource secrets 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-ai-secrets'
  location: 'swedencentral'
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    networkAcls: {
      defaultAction: 'deny'
      bypass: 'AzureServices'
    }
  }
}
