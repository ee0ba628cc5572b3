param subnetId string

resource vaultPe 'Microsoft.Network/privateEndpoints@2024-05-01' = {
  name: 'pe-kv-ai-prod'
  location: 'swedencentral'
  properties: {
    subnet: { id: subnetId }
    privateLinkServiceConnections: [
      {
        name: 'vault'
        properties: {
          privateLinkServiceId: resourceId('Microsoft.KeyVault/vaults', 'kv-ai-prod')
          groupIds: ['vault']
        }
      }
    ]
  }
}
