// The policy name comes from a parameter without a default: cannot verify.
param contentFilter string

resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: 'oai-prod'
}

resource chat 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: openai
  name: 'gpt-4o'
  sku: { name: 'GlobalStandard', capacity: 10 }
  properties: {
    model: { format: 'OpenAI', name: 'gpt-4o', version: '2024-11-20' }
    raiPolicyName: contentFilter // expect-review: AIS-OAI-RAI-POLICY-SET
  }
}
