param subnetId string

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: 'kv-ai-prod'
  location: 'swedencentral'
  properties: {
    tenantId: tenant().tenantId
    sku: { family: 'A', name: 'standard' }
    publicNetworkAccess: 'Disabled'
  }
}

resource vaultPe 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'pe-kv-ai-prod'
  location: 'swedencentral'
  properties: {
    subnet: { id: subnetId }
    privateLinkServiceConnections: [
      {
        name: 'vault'
        properties: {
          privateLinkServiceId: vault.id
          groupIds: ['vault']
        }
      }
    ]
  }
}
