resource "azurerm_log_analytics_workspace" "logs" {
  name                = "log-ai"
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  sku                 = "PerGB2018"
}

# A named category (Audit) counts as well as a category group.
resource "azurerm_monitor_diagnostic_setting" "openai" {
  name                       = "diag-oai"
  target_resource_id         = azurerm_cognitive_account.openai.id
  log_analytics_workspace_id = azurerm_log_analytics_workspace.logs.id

  enabled_log {
    category = "Audit"
  }
}
