resource "azapi_resource" "cpu" {
  type      = "Microsoft.MachineLearningServices/workspaces/computes@2024-10-01"
  name      = "cpu-cluster"
  parent_id = var.workspace_id
  location  = "swedencentral"
  body = {
    properties = {
      computeType = "AmlCompute"
      disableLocalAuth = true
      properties = {
        vmSize = "Standard_DS3_v2"
      }
    }
  }
}

variable "workspace_id" {
  type = string
}

variable "subnet_id" {
  type = string
}
