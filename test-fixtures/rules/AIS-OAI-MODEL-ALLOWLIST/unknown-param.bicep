param modelName string

resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: 'oai-prod'
}

resource chat 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: openai
  name: 'chat'
  sku: { name: 'GlobalStandard', capacity: 10 }
  properties: {
    model: { format: 'OpenAI', name: modelName, version: '2024-11-20' } // expect-review: AIS-OAI-MODEL-ALLOWLIST
    raiPolicyName: 'Microsoft.DefaultV2'
  }
}
