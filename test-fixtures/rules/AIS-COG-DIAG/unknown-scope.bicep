// The diagnostic setting targets an account by a name from a parameter: it may be this account.
param workspaceId string
param accountName string

resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' = { // expect-review: AIS-COG-DIAG
  name: 'oai-prod'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-prod'
  }
}

resource target 'Microsoft.CognitiveServices/accounts@2024-10-01' existing = {
  name: accountName
}

resource diag 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'diag-ai'
  scope: target
  properties: {
    workspaceId: workspaceId
    logs: [
      { categoryGroup: 'audit', enabled: true }
    ]
  }
}
