resource "azurerm_cognitive_account" "openai" {
  name                  = "oai-prod"
  location              = "swedencentral"
  resource_group_name   = "rg-ai"
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "oai-prod"

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_cognitive_account" "speech" {
  name                  = "speech-prod"
  location              = "swedencentral"
  resource_group_name   = "rg-ai"
  kind                  = "SpeechServices"
  sku_name              = "S0"
  custom_subdomain_name = "speech-prod"

  identity {
    type         = "SystemAssigned, UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.ai.id]
  }
}

resource "azurerm_user_assigned_identity" "ai" {
  name                = "id-ai"
  location            = "swedencentral"
  resource_group_name = "rg-ai"
}
