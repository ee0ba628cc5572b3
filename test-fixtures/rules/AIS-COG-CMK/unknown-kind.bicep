param kind string

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'ai-prod'
  location: 'swedencentral'
  kind: kind // expect-review: AIS-COG-CMK
  sku: { name: 'S0' }
}
