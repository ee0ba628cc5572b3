// e2e fixture for "Fix all issues in file": several findings with safe fixes on one account.
resource speech 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'speech-e2e'
  location: 'swedencentral'
  kind: 'SpeechServices'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'speech-e2e'
    disableLocalAuth: false
    publicNetworkAccess: 'Enabled'
  }
}
