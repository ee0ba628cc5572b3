resource speech 'Microsoft.CognitiveServices/accounts@2024-10-01' = { // expect: AIS-COG-USER-OWNED-STORAGE
  name: 'speech-prod'
  location: 'swedencentral'
  kind: 'SpeechServices'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'speech-prod'
  }
}

resource language 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'lang-prod'
  location: 'swedencentral'
  kind: 'TextAnalytics'
  sku: { name: 'S' }
  properties: {
    userOwnedStorage: [] // expect: AIS-COG-USER-OWNED-STORAGE
  }
}
