resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: 'oai-prod'
}

resource streaming 'Microsoft.CognitiveServices/accounts/raiPolicies@2025-06-01' = {
  parent: openai
  name: 'streaming'
  properties: {
    basePolicyName: 'Microsoft.DefaultV2'
    mode: 'Asynchronous_filter' // expect: AIS-OAI-RAI-MODE
  }
}

// 'Deferred' is the name of the same mode before API version 2025-06-01; any case.
resource legacy 'Microsoft.CognitiveServices/accounts/raiPolicies@2024-10-01' = {
  parent: openai
  name: 'legacy'
  properties: {
    basePolicyName: 'Microsoft.DefaultV2'
    mode: 'deferred' // expect: AIS-OAI-RAI-MODE
  }
}
