// The whole filter list comes from a parameter without a default; one flag from another.
param filters array
param blockViolence bool

resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: 'oai-prod'
}

resource fromParam 'Microsoft.CognitiveServices/accounts/raiPolicies@2024-10-01' = {
  parent: openai
  name: 'from-param'
  properties: {
    basePolicyName: 'Microsoft.DefaultV2'
    contentFilters: filters // expect-review: AIS-OAI-RAI-FILTERS-BLOCKING
  }
}

resource partly 'Microsoft.CognitiveServices/accounts/raiPolicies@2024-10-01' = {
  parent: openai
  name: 'partly'
  properties: {
    basePolicyName: 'Microsoft.DefaultV2'
    contentFilters: [
      { name: 'Violence', enabled: true, blocking: blockViolence, severityThreshold: 'Medium', source: 'Prompt' } // expect-review: AIS-OAI-RAI-FILTERS-BLOCKING
    ]
  }
}
