# Older azurerm versions lack the attribute: an azapi_update_resource patches it onto the workspace.
resource "azurerm_machine_learning_workspace" "ml" {
  name                    = "mlw-prod"
  location                = "swedencentral"
  resource_group_name     = "rg-ai"
  application_insights_id = var.app_insights_id
  key_vault_id            = var.key_vault_id
  storage_account_id      = var.storage_account_id
  public_network_access_enabled = false
  identity {
    type = "SystemAssigned"
  }
}

resource "azapi_update_resource" "ml_datastores" {
  type        = "Microsoft.MachineLearningServices/workspaces@2024-10-01"
  resource_id = azurerm_machine_learning_workspace.ml.id
  body = {
    properties = {
      systemDatastoresAuthMode = "identity"
    }
  }
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
