resource "azapi_resource" "ws" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-10-01"
  name      = "mlw-prod"
  parent_id = var.resource_group_id
  location  = "swedencentral"
  identity {
    type = "SystemAssigned"
  }
  body = {
    kind = "Default"
    sku  = { name = "Basic", tier = "Basic" }
    properties = {
      storageAccount      = var.storage_account_id
      keyVault            = var.key_vault_id
      applicationInsights = var.app_insights_id
      systemDatastoresAuthMode = "accessKey" # expect: AIS-ML-DATASTORE-IDENTITY
    }
  }
}

variable "resource_group_id" {
  type = string
}

variable "app_insights_id" {
  type = string
}

variable "key_vault_id" {
  type = string
}

variable "storage_account_id" {
  type = string
}
