param workspaceId string

resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' = { // expect: AIS-COG-DIAG
  name: 'oai-prod'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-prod'
  }
}

// Metrics only: no logs are kept.
resource speech 'Microsoft.CognitiveServices/accounts@2024-10-01' = { // expect: AIS-COG-DIAG
  name: 'speech-prod'
  location: 'swedencentral'
  kind: 'SpeechServices'
  sku: { name: 'S0' }
}

resource speechDiag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'diag-speech'
  scope: speech
  properties: {
    workspaceId: workspaceId
    metrics: [
      { category: 'AllMetrics', enabled: true }
    ]
  }
}

// Logs enabled, but sent nowhere.
resource language 'Microsoft.CognitiveServices/accounts@2024-10-01' = { // expect: AIS-COG-DIAG
  name: 'lang-prod'
  location: 'swedencentral'
  kind: 'TextAnalytics'
  sku: { name: 'S' }
}

resource languageDiag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'diag-lang'
  scope: language
  properties: {
    logs: [
      { categoryGroup: 'allLogs', enabled: true }
    ]
  }
}

// Logs switched off.
resource vision 'Microsoft.CognitiveServices/accounts@2024-10-01' = { // expect: AIS-COG-DIAG
  name: 'vision-prod'
  location: 'swedencentral'
  kind: 'ComputerVision'
  sku: { name: 'S1' }
}

resource visionDiag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'diag-vision'
  scope: vision
  properties: {
    workspaceId: workspaceId
    logs: [
      { categoryGroup: 'allLogs', enabled: false }
    ]
  }
}
