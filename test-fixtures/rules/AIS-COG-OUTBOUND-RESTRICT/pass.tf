resource "azurerm_cognitive_account" "openai" {
  name                               = "oai-prod"
  location                           = "swedencentral"
  resource_group_name                = "rg-ai"
  kind                               = "OpenAI"
  sku_name                           = "S0"
  custom_subdomain_name              = "oai-prod"
  outbound_network_access_restricted = true
  fqdns                              = ["stdataprod.blob.core.windows.net"]
}

# Not covered: the kind is neither OpenAI nor AIServices.
resource "azurerm_cognitive_account" "language" {
  name                = "lang-prod"
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  kind                = "TextAnalytics"
  sku_name            = "S"
}

# Restricted without fqdns: every outbound call is blocked, the strictest state.
resource "azurerm_cognitive_account" "foundry" {
  name                               = "aif-prod"
  location                           = "swedencentral"
  resource_group_name                = "rg-ai"
  kind                               = "AIServices"
  sku_name                           = "S0"
  custom_subdomain_name              = "aif-prod"
  outbound_network_access_restricted = true
}
