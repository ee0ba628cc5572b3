resource "azurerm_cognitive_account" "openai" {
  name                  = "oai-prod"
  location              = "swedencentral"
  resource_group_name   = "rg-ai"
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "oai-prod"
}

resource "azurerm_linux_web_app" "chat" {
  name                = "app-chat-prod"
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  service_plan_id     = var.plan_id

  site_config {}

  app_settings = {
    AZURE_OPENAI_ENDPOINT = azurerm_cognitive_account.openai.endpoint
    AZURE_OPENAI_API_KEY  = azurerm_cognitive_account.openai.primary_access_key # expect: AIS-SEC-KEY-PLUMBING
  }
}

resource "azurerm_key_vault_secret" "openai_key" {
  name         = "openai-key"
  key_vault_id = var.key_vault_id
  value        = azurerm_cognitive_account.openai.primary_access_key # expect: AIS-SEC-KEY-PLUMBING
}

variable "plan_id" {
  type = string
}

variable "key_vault_id" {
  type = string
}
