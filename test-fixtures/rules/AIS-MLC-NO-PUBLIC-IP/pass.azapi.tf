resource "azapi_resource" "ci" {
  type      = "Microsoft.MachineLearningServices/workspaces/computes@2024-10-01"
  name      = "ci-dev"
  parent_id = var.workspace_id
  location  = "swedencentral"
  body = {
    properties = {
      computeType = "ComputeInstance"
      properties = {
        vmSize = "Standard_DS3_v2"
        enableNodePublicIp = false
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
