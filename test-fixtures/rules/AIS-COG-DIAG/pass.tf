resource "azurerm_cognitive_account" "openai" {
  name                  = "oai-prod"
  location              = "swedencentral"
  resource_group_name   = "rg-ai"
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "oai-prod"
}

resource "azurerm_monitor_diagnostic_setting" "openai" {
  name                       = "diag-oai"
  target_resource_id         = azurerm_cognitive_account.openai.id
  log_analytics_workspace_id = var.workspace_id

  enabled_log {
    category_group = "allLogs"
  }
}

variable "workspace_id" {
  type = string
}
