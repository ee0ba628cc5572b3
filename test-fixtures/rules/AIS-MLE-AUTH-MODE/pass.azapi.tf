resource "azapi_resource" "scoring" {
  type      = "Microsoft.MachineLearningServices/workspaces/onlineEndpoints@2024-10-01"
  name      = "ep-scoring"
  parent_id = var.workspace_id
  location  = "swedencentral"
  identity {
    type = "SystemAssigned"
  }
  body = {
    kind = "Managed"
    properties = {
      authMode = "AADToken"
    }
  }
}

variable "workspace_id" {
  type = string
}
