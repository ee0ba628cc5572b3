resource "azurerm_key_vault" "prod" { # expect: AIS-KV-DIAG
  name                = "kv-ai-prod"
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  tenant_id           = var.tenant_id
  sku_name            = "standard"
}

resource "azurerm_monitor_diagnostic_setting" "prod" {
  name                       = "diag-kv"
  target_resource_id         = azurerm_key_vault.prod.id
  log_analytics_workspace_id = var.workspace_id

  enabled_metric {
    category = "AllMetrics"
  }
}

variable "tenant_id" {
  type = string
}

variable "workspace_id" {
  type = string
}
