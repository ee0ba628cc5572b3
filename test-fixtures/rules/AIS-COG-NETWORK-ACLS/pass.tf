resource "azurerm_cognitive_account" "openai" {
  name                  = "oai-prod"
  location              = "swedencentral"
  resource_group_name   = "rg-ai"
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "oai-prod"

  network_acls {
    default_action = "Deny"
    ip_rules       = ["203.0.113.0/24"]
  }
}

resource "azurerm_cognitive_account" "language" {
  name                          = "lang-prod"
  location                      = "swedencentral"
  resource_group_name           = "rg-ai"
  kind                          = "TextAnalytics"
  sku_name                      = "S"
  public_network_access_enabled = false
}
