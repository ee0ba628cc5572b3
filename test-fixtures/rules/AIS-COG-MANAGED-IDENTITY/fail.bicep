resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' = { // expect: AIS-COG-MANAGED-IDENTITY
  name: 'oai-prod'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
}

resource speech 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'speech-prod'
  location: 'swedencentral'
  kind: 'SpeechServices'
  sku: { name: 'S0' }
  identity: {
    type: 'None' // expect: AIS-COG-MANAGED-IDENTITY
  }
}
