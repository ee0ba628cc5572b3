resource "azurerm_key_vault" "prod" {
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

  enabled_log {
    category_group = "audit"
  }
}

# azurerm 3.x: the log block with enabled.
resource "azurerm_key_vault" "secrets" {
  name                = "kv-ai-secrets"
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  tenant_id           = var.tenant_id
  sku_name            = "standard"
}

resource "azurerm_monitor_diagnostic_setting" "secrets" {
  name                       = "diag-kv-secrets"
  target_resource_id         = azurerm_key_vault.secrets.id
  log_analytics_workspace_id = var.workspace_id

  log {
    category = "AuditEvent"
    enabled  = true
  }
}

variable "tenant_id" {
  type = string
}

variable "workspace_id" {
  type = string
}
