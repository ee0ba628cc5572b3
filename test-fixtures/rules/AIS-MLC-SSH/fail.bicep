@secure()
param adminPassword string

resource ws 'Microsoft.MachineLearningServices/workspaces@2024-10-01' existing = {
  name: 'mlw-prod'
}

resource instance 'Microsoft.MachineLearningServices/workspaces/computes@2024-10-01' = {
  parent: ws
  name: 'ci-dev'
  location: 'swedencentral'
  properties: {
    computeType: 'ComputeInstance'
    properties: {
      vmSize: 'Standard_DS3_v2'
      sshSettings: {
        sshPublicAccess: 'Enabled' // expect: AIS-MLC-SSH
        adminPublicKey: 'ssh-rsa AAAAB3Nza...'
      }
    }
  }
}

// Public nodes outside a subnet with remote login not specified: port 22 is open.
resource cluster 'Microsoft.MachineLearningServices/workspaces/computes@2024-10-01' = { // expect: AIS-MLC-SSH
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

// Password login.
resource pwd 'Microsoft.MachineLearningServices/workspaces/computes@2024-10-01' = {
  parent: ws
  name: 'gpu-cluster'
  location: 'swedencentral'
  properties: {
    computeType: 'AmlCompute'
    properties: {
      vmSize: 'Standard_DS3_v2'
      enableNodePublicIp: false
      remoteLoginPortPublicAccess: 'Disabled'
      userAccountCredentials: {
        adminUserName: 'azureuser'
        adminUserPassword: adminPassword // expect: AIS-MLC-SSH
      }
    }
  }
}
