resource "azurerm_machine_learning_workspace" "closed" {
  name                    = "mlw-closed"
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

variable "app_insights_id" {
  type = string
}

variable "key_vault_id" {
  type = string
}

variable "storage_account_id" {
  type = string
}
