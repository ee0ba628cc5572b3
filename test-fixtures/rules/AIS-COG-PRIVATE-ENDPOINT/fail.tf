resource "azurerm_cognitive_account" "openai" { # expect: AIS-COG-PRIVATE-ENDPOINT
  name                  = "oai-prod"
  location              = "swedencentral"
  resource_group_name   = "rg-ai"
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "oai-prod"
}
