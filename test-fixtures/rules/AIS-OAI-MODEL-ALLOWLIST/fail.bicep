resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: 'oai-prod'
}

// Not on the list at all.
resource reasoning 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: openai
  name: 'o1'
  sku: { name: 'GlobalStandard', capacity: 10 }
  properties: {
    model: { format: 'OpenAI', name: 'o1', version: '2024-12-17' } // expect: AIS-OAI-MODEL-ALLOWLIST
    raiPolicyName: 'Microsoft.DefaultV2'
  }
}

// The approved model, but another version.
resource chat 'Microsoft.CognitiveServices/accounts/deployments@2024-10-01' = {
  parent: openai
  name: 'gpt-4o'
  sku: { name: 'GlobalStandard', capacity: 10 }
  properties: {
    model: { format: 'OpenAI', name: 'gpt-4o', version: '2024-05-13' } // expect: AIS-OAI-MODEL-ALLOWLIST
    raiPolicyName: 'Microsoft.DefaultV2'
  }
  dependsOn: [reasoning]
}
