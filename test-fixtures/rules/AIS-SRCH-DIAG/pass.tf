resource "azurerm_search_service" "search" {
  name                = "srch-prod"
  resource_group_name = "rg-ai"
  location            = "swedencentral"
  sku                 = "standard"


  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_monitor_diagnostic_setting" "search" {
  name                       = "diag-srch"
  target_resource_id         = azurerm_search_service.search.id
  log_analytics_workspace_id = var.log_workspace_id

  enabled_log {
    category_group = "allLogs"
  }
}

variable "log_workspace_id" {
  type = string
}
