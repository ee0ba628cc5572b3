resource "azapi_resource" "hub" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-10-01"
  name      = "hub-prod"
  parent_id = var.resource_group_id
  location  = "swedencentral"
  identity {
    type = "SystemAssigned"
  }
  body = {
    kind = "Hub"
    sku  = { name = "Basic", tier = "Basic" }
    properties = {
      storageAccount      = var.storage_account_id
      keyVault            = var.key_vault_id
      applicationInsights = var.app_insights_id
      managedNetwork      = { isolationMode = "AllowInternetOutbound" } # expect: AIS-ML-MANAGED-NETWORK
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
