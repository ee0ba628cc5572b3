resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: 'oai-prod'
}

resource lenient 'Microsoft.CognitiveServices/accounts/raiPolicies@2024-10-01' = {
  parent: openai
  name: 'lenient'
  properties: {
    basePolicyName: 'Microsoft.DefaultV2'
    mode: 'Default'
    contentFilters: [
      { name: 'Hate', enabled: true, blocking: false, severityThreshold: 'Medium', source: 'Prompt' } // expect: AIS-OAI-RAI-FILTERS-BLOCKING
      { name: 'Hate', enabled: true, blocking: true, severityThreshold: 'Medium', source: 'Completion' }
      {
        name: 'Violence'
        enabled: false // expect: AIS-OAI-RAI-FILTERS-BLOCKING
        blocking: true
        severityThreshold: 'Medium'
        source: 'Completion'
      }
      {
        name: 'Sexual'
        enabled: true
        blocking: true
        severityThreshold: 'High' // expect: AIS-OAI-RAI-FILTERS-BLOCKING
        source: 'Prompt'
      }
      { name: 'Jailbreak', enabled: true, blocking: false, source: 'Prompt' } // expect: AIS-OAI-RAI-FILTERS-BLOCKING
      // Annotation-only filters that are not harm categories are not judged.
      { name: 'Protected Material Text', enabled: true, blocking: false, source: 'Completion' }
    ]
  }
}
