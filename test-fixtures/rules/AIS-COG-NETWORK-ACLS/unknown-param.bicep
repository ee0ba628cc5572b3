// The ACL is open and public access depends on a parameter without default: cannot verify.
param publicNetworkAccess string

resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-prod'
  location: 'swedencentral'
  kind: 'OpenAI'
  sku: { name: 'S0' }
  properties: {
    customSubDomainName: 'oai-prod'
    publicNetworkAccess: publicNetworkAccess // expect-review: AIS-COG-NETWORK-ACLS
    networkAcls: {
      defaultAction: 'Allow'
    }
  }
}
