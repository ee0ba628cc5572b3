resource "azurerm_cognitive_account" "speech" {
  name                  = "speech-prod"
  location              = "swedencentral"
  resource_group_name   = "rg-ai"
  kind                  = "SpeechServices"
  sku_name              = "S0"
  custom_subdomain_name = "speech-prod"

  identity {
    type = "SystemAssigned"
  }

  storage {
    storage_account_id = azurerm_storage_account.speech.id
  }
}

resource "azurerm_storage_account" "speech" {
  name                     = "stspeechprod"
  location                 = "swedencentral"
  resource_group_name      = "rg-ai"
  account_tier             = "Standard"
  account_replication_type = "ZRS"
}

# Not covered: OpenAI keeps no customer data in a linked storage account.
resource "azurerm_cognitive_account" "openai" {
  name                = "oai-prod"
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  kind                = "OpenAI"
  sku_name            = "S0"
}
