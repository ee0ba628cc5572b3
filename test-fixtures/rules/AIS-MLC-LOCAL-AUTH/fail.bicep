resource ws 'Microsoft.MachineLearningServices/workspaces@2024-10-01' existing = {
  name: 'mlw-prod'
}

resource cluster 'Microsoft.MachineLearningServices/workspaces/computes@2024-10-01' = {
  parent: ws
  name: 'cpu-cluster'
  location: 'swedencentral'
  properties: {
    computeType: 'AmlCompute'
    disableLocalAuth: false // expect: AIS-MLC-LOCAL-AUTH
    properties: {
      vmSize: 'Standard_DS3_v2'
      enableNodePublicIp: false
    }
  }
}

// Absent: local authentication enabled.
resource instance 'Microsoft.MachineLearningServices/workspaces/computes@2024-10-01' = { // expect: AIS-MLC-LOCAL-AUTH
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
