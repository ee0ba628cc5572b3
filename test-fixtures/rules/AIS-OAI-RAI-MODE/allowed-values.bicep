@allowed(['Asynchronous_filter', 'Blocking', 'Default', 'Deferred'])
param mode string = 'Default'

@allowed(['Asynchronous_filter', 'Blocking', 'Default'])
param streamingMode string

resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: 'oai-prod'
}

// The default decides when there is one.
resource withDefault 'Microsoft.CognitiveServices/accounts/raiPolicies@2025-06-01' = {
  parent: openai
  name: 'with-default'
  properties: {
    mode: mode
  }
}

// Without a default, a failing @allowed candidate is reported.
resource noDefault 'Microsoft.CognitiveServices/accounts/raiPolicies@2025-06-01' = {
  parent: openai
  name: 'no-default'
  properties: {
    mode: streamingMode // expect: AIS-OAI-RAI-MODE
  }
}
