param computeType string

resource ws 'Microsoft.MachineLearningServices/workspaces@2024-10-01' existing = {
  name: 'mlw-prod'
}

resource compute 'Microsoft.MachineLearningServices/workspaces/computes@2024-10-01' = {
  parent: ws
  name: 'compute'
  location: 'swedencentral'
  properties: {
    computeType: computeType // expect-review: AIS-MLC-LOCAL-AUTH
  }
}
