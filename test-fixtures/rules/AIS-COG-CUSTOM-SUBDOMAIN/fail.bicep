resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' = { // expect: AIS-COG-CUSTOM-SUBDOMAIN
  name: 'oai-prod'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    disableLocalAuth: true
  }
}

resource language 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'lang-prod'
  location: 'swedencentral'
  kind: 'TextAnalytics'
  sku: { name: 'S' }
  properties: {
    customSubDomainName: '' // expect: AIS-COG-CUSTOM-SUBDOMAIN
  }
}
