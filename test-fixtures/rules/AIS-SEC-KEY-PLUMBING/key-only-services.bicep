// Bing grounding accepts only an API key: passing it is not a choice, so it is not reported.
resource bing 'Microsoft.Bing/accounts@2020-06-10' = {
  name: 'bing-grounding'
  location: 'global'
  kind: 'Bing.Grounding'
  sku: { name: 'G1' }
}

resource foundry 'Microsoft.CognitiveServices/accounts@2025-04-01-preview' existing = {
  name: 'aif-prod'
}

resource bingConnection 'Microsoft.CognitiveServices/accounts/connections@2025-04-01-preview' = {
  parent: foundry
  name: 'bing'
  properties: {
    category: 'GroundingWithBingSearch'
    target: 'https://api.bing.microsoft.com/'
    authType: 'ApiKey'
    credentials: { key: bing.listKeys().key1 }
  }
}

// A key chosen only under a condition aisec cannot evaluate: cannot verify.
param useIdentity bool

resource data 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: 'stdataprod'
  location: 'swedencentral'
  kind: 'StorageV2'
  sku: { name: 'Standard_ZRS' }
}

resource app 'Microsoft.Web/sites@2023-12-01' = {
  name: 'func-prod'
  location: 'swedencentral'
  properties: {
    siteConfig: {
      appSettings: [
        {
          name: 'AzureWebJobsStorage'
          value: useIdentity ? '' : 'DefaultEndpointsProtocol=https;AccountName=${data.name};AccountKey=${data.listKeys().keys[0].value}' // expect-review: AIS-SEC-KEY-PLUMBING
        }
      ]
    }
  }
}
