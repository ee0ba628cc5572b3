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

resource "azurerm_monitor_diagnostic_setting" "ml" {
  name                       = "diag-mlw"
  target_resource_id         = azurerm_machine_learning_workspace.ml.id
  log_analytics_workspace_id = var.log_workspace_id

  enabled_log {
    category_group = "allLogs"
  }
}

variable "log_workspace_id" {
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
