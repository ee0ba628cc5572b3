param subnetId string

resource ws 'Microsoft.MachineLearningServices/workspaces@2024-10-01' existing = {
  name: 'mlw-prod'
}

// Absent sshPublicAccess: Disabled.
resource instance 'Microsoft.MachineLearningServices/workspaces/computes@2024-10-01' = {
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
      remoteLoginPortPublicAccess: 'Disabled'
      userAccountCredentials: {
        adminUserName: 'azureuser'
        adminUserSshPublicKey: 'ssh-rsa AAAAB3Nza...'
      }
    }
  }
}

// Not specified, but in a subnet: the port is closed.
resource private 'Microsoft.MachineLearningServices/workspaces/computes@2024-10-01' = {
  parent: ws
  name: 'private-cluster'
  location: 'swedencentral'
  properties: {
    computeType: 'AmlCompute'
    properties: {
      vmSize: 'Standard_DS3_v2'
      remoteLoginPortPublicAccess: 'NotSpecified'
      subnet: { id: subnetId }
    }
  }
}
