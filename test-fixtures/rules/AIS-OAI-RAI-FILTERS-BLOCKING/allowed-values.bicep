// @allowed offers a non-blocking value: reported as a definite finding.
@allowed([true, false])
param blockHate bool

resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: 'oai-prod'
}

resource policy 'Microsoft.CognitiveServices/accounts/raiPolicies@2024-10-01' = {
  parent: openai
  name: 'configurable'
  properties: {
    basePolicyName: 'Microsoft.DefaultV2'
    contentFilters: [
      { name: 'hate', enabled: true, blocking: blockHate, severityThreshold: 'medium', source: 'Prompt' } // expect: AIS-OAI-RAI-FILTERS-BLOCKING
    ]
  }
}
