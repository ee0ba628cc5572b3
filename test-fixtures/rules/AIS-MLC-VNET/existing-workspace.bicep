// The workspace is deployed elsewhere: it may use a managed network, so the rule cannot tell.
resource ws 'Microsoft.MachineLearningServices/workspaces@2024-10-01' existing = {
  name: 'mlw-prod'
}

resource cluster 'Microsoft.MachineLearningServices/workspaces/computes@2024-10-01' = { // expect-review: AIS-MLC-VNET
  parent: ws
  name: 'cpu-cluster'
  location: 'swedencentral'
  properties: {
    computeType: 'AmlCompute'
    properties: {
      vmSize: 'Standard_DS3_v2'
    }
  }
}
