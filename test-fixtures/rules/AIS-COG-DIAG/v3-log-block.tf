# azurerm 3.x: the deprecated `log` block with `enabled`, alongside `enabled_log`.
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

  log {
    category = "Audit"
    enabled  = true
  }
}

resource "azurerm_cognitive_account" "speech" { # expect: AIS-COG-DIAG
  name                  = "speech-prod"
  location              = "swedencentral"
  resource_group_name   = "rg-ai"
  kind                  = "SpeechServices"
  sku_name              = "S0"
  custom_subdomain_name = "speech-prod"
}

resource "azurerm_monitor_diagnostic_setting" "speech" {
  name                       = "diag-speech"
  target_resource_id         = azurerm_cognitive_account.speech.id
  log_analytics_workspace_id = var.workspace_id

  log {
    category = "Audit"
    enabled  = false
  }
}

variable "workspace_id" {
  type = string
}
