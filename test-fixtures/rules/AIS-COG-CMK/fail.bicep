resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' = { // expect: AIS-COG-CMK
  name: 'oai-prod'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-prod'
  }
}

resource speech 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'speech-prod'
  location: 'swedencentral'
  kind: 'SpeechServices'
  sku: { name: 'S0' }
  properties: {
    encryption: {
      keySource: 'Microsoft.CognitiveServices' // expect: AIS-COG-CMK
    }
  }
}
