resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: 'oai-prod'
}

resource blocking 'Microsoft.CognitiveServices/accounts/raiPolicies@2025-06-01' = {
  parent: openai
  name: 'blocking'
  properties: {
    basePolicyName: 'Microsoft.DefaultV2'
    mode: 'Blocking'
  }
}

// Absent mode: 'Default' (synchronous).
resource byDefault 'Microsoft.CognitiveServices/accounts/raiPolicies@2025-06-01' = {
  parent: openai
  name: 'by-default'
  properties: {
    basePolicyName: 'Microsoft.DefaultV2'
  }
}
