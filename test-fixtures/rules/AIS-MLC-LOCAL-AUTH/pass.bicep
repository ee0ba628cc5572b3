resource ws 'Microsoft.MachineLearningServices/workspaces@2024-10-01' existing = {
  name: 'mlw-prod'
}

resource cluster 'Microsoft.MachineLearningServices/workspaces/computes@2024-10-01' = {
  parent: ws
  name: 'cpu-cluster'
  location: 'swedencentral'
  properties: {
    computeType: 'AmlCompute'
    disableLocalAuth: true
    properties: {
      vmSize: 'Standard_DS3_v2'
    }
  }
}
resource instance 'Microsoft.MachineLearningServices/workspaces/computes@2024-10-01' = {
  parent: ws
  name: 'ci-dev'
  location: 'swedencentral'
  properties: {
    computeType: 'ComputeInstance'
    disableLocalAuth: true
    properties: {
      vmSize: 'Standard_DS3_v2'
    }
  }
}

// Attached compute (Kubernetes, Databricks, …) is not checked.
resource aks 'Microsoft.MachineLearningServices/workspaces/computes@2024-10-01' = {
  parent: ws
  name: 'aks-inference'
  location: 'swedencentral'
  properties: {
    computeType: 'Kubernetes'
    resourceId: '/subscriptions/0000/resourceGroups/rg-ai/providers/Microsoft.ContainerService/managedClusters/aks-ml'
  }
}
