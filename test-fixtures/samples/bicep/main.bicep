// AI workload: an Azure OpenAI account for the chat front end and an AI Services account for document
// processing, monitored by one Log Analytics workspace. Values per environment come from main.bicepparam.
targetScope = 'resourceGroup'

@description('Short environment name, used in resource names.')
param environment string

param location string = resourceGroup().location

@description('Whether the OpenAI account accepts API keys (legacy clients).')
param allowKeys bool = false

@allowed([
  'Enabled'
  'Disabled'
])
param publicNetworkAccess string = 'Disabled'

param subnetId string

resource logs 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-ai-${environment}'
  location: location
  properties: {
    retentionInDays: 90
  }
}

resource openai 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'oai-chat-${environment}'
  location: location
  kind: 'OpenAI'
  sku: {
    name: 'S0'
  }
  identity: {
    type: 'SystemAssigned'
  }
  properties: {
    customSubDomainName: 'oai-chat-${environment}'
    disableLocalAuth: !allowKeys
    publicNetworkAccess: publicNetworkAccess
    networkAcls: {
      defaultAction: 'Deny'
    }
  }
}

resource openaiDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: openai
  properties: {
    workspaceId: logs.id
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
  }
}

module openaiEndpoint 'modules/private-endpoint.bicep' = {
  name: 'pe-openai'
  params: {
    name: 'pe-oai-chat-${environment}'
    location: location
    subnetId: subnetId
    targetId: openai.id
    groupId: 'account'
  }
}

// Document processing: no private endpoint yet, so public access stays on until the network team adds one.
// aisec-disable-next-line AIS-COG-PUBLIC-NETWORK -- private endpoint planned in the network sprint until 2099-12-31
resource docs 'Microsoft.CognitiveServices/accounts@2024-10-01' = {
  name: 'ais-docs-${environment}'
  location: location
  kind: 'AIServices'
  sku: {
    name: 'S0'
  }
  properties: {
    customSubDomainName: 'ais-docs-${environment}'
    publicNetworkAccess: 'Enabled'
    disableLocalAuth: false
  }
}

output openaiEndpoint string = openai.properties.endpoint
