// The rule covers kinds OpenAI and AIServices only: a Speech account without restriction passes.
resource speech 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'speech-prod'
  location: 'swedencentral'
  kind: 'SpeechServices'
  sku: { name: 'S0' }
}
