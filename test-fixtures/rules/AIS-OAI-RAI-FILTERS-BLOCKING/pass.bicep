resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: 'oai-prod'
}

resource strict 'Microsoft.CognitiveServices/accounts/raiPolicies@2024-10-01' = {
  parent: openai
  name: 'strict'
  properties: {
    basePolicyName: 'Microsoft.DefaultV2'
    mode: 'Blocking'
    contentFilters: [
      { name: 'Hate', enabled: true, blocking: true, severityThreshold: 'Low', source: 'Prompt' }
      { name: 'Hate', enabled: true, blocking: true, severityThreshold: 'Low', source: 'Completion' }
      { name: 'Sexual', enabled: true, blocking: true, severityThreshold: 'Medium', source: 'Prompt' }
      { name: 'Sexual', enabled: true, blocking: true, severityThreshold: 'Medium', source: 'Completion' }
      { name: 'Violence', enabled: true, blocking: true, severityThreshold: 'Medium', source: 'Prompt' }
      { name: 'Violence', enabled: true, blocking: true, severityThreshold: 'Medium', source: 'Completion' }
      { name: 'Selfharm', enabled: true, blocking: true, severityThreshold: 'Low', source: 'Prompt' }
      { name: 'Selfharm', enabled: true, blocking: true, severityThreshold: 'Low', source: 'Completion' }
      { name: 'Jailbreak', enabled: true, blocking: true, source: 'Prompt' }
      { name: 'Protected Material Code', enabled: true, blocking: false, source: 'Completion' }
    ]
  }
}
