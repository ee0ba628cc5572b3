// The kind comes from a parameter without default: the rule may apply, and the account would fail.
param kind string

resource account 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'ai-prod'
  location: 'swedencentral'
  kind: kind // expect-review: AIS-COG-OUTBOUND-RESTRICT
  sku: { name: 'S0' }
}

// Allowed kinds are candidates: one of them (OpenAI) is covered, so the finding is definite.
@allowed([
  'OpenAI'
  'SpeechServices'
])
param otherKind string

resource other 'Microsoft.CognitiveServices/accounts@2024-10-01' = { // expect: AIS-COG-OUTBOUND-RESTRICT
  name: 'ai-other'
  location: 'swedencentral'
  kind: otherKind
  sku: { name: 'S0' }
}
