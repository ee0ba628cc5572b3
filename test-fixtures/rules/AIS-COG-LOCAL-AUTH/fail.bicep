// Keys enabled explicitly, and keys enabled by omission (the service default).
resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-prod'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-prod'
    disableLocalAuth: false // expect: AIS-COG-LOCAL-AUTH
  }
}

resource speech 'Microsoft.CognitiveServices/accounts@2024-10-01' = { // expect: AIS-COG-LOCAL-AUTH
  name: 'speech-prod'
  location: 'swedencentral'
  kind: 'SpeechServices'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'speech-prod'
  }
}
