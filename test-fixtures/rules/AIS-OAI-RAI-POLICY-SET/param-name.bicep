// The policy name comes from a parameter: it is named explicitly, which is what the rule asks for (with an
// approvedPolicies list configured, the rule could not verify it and would say so).
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
    raiPolicyName: contentFilter
  }
}
