resource "azurerm_cognitive_account" "openai" {
  name                  = "oai-prod"
  location              = "swedencentral"
  resource_group_name   = "rg-ai"
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "oai-prod"
  local_auth_enabled    = false
}

resource "azurerm_linux_web_app" "chat" {
  name                = "app-chat-prod"
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  service_plan_id     = var.plan_id

  identity {
    type = "SystemAssigned"
  }

  site_config {}

  app_settings = {
    AZURE_OPENAI_ENDPOINT = azurerm_cognitive_account.openai.endpoint
  }
}

variable "plan_id" {
  type = string
}
