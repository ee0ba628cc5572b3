// ComputerVision is stateless and the legacy multi-service kind is not in the CMK allow-list: not checked.
resource vision 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'vision-prod'
  location: 'swedencentral'
  kind: 'ComputerVision'
  sku: { name: 'S1' }
}

resource multi 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'cog-prod'
  location: 'swedencentral'
  kind: 'CognitiveServices'
  sku: { name: 'S0' }
}
