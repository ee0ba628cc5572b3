// A subdomain from a parameter without default: set, but its value (maybe empty) is unknown.
param subdomain string

resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-prod'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: subdomain // expect-review: AIS-COG-CUSTOM-SUBDOMAIN
  }
}
