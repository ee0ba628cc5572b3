resource ws 'Microsoft.MachineLearningServices/workspaces@2024-10-01' existing = {
  name: 'mlw-prod'
}

resource instance 'Microsoft.MachineLearningServices/workspaces/computes@2024-10-01' = { // expect: AIS-MLC-IDLE-SHUTDOWN
  parent: ws
  name: 'ci-dev'
  location: 'swedencentral'
  properties: {
    computeType: 'ComputeInstance'
    properties: {
      vmSize: 'Standard_DS3_v2'
    }
  }
}

resource cluster 'Microsoft.MachineLearningServices/workspaces/computes@2024-10-01' = {
  parent: ws
  name: 'cpu-cluster'
  location: 'swedencentral'
  properties: {
    computeType: 'AmlCompute'
    properties: {
      vmSize: 'Standard_DS3_v2'
      scaleSettings: { minNodeCount: 2, maxNodeCount: 4 } // expect: AIS-MLC-IDLE-SHUTDOWN
    }
  }
}
