resource "azurerm_cognitive_account" "openai" {
  name                  = "oai-prod"
  location              = "swedencentral"
  resource_group_name   = "rg-ai"
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "oai-prod"
}

output "openai_key" {
  value = azurerm_cognitive_account.openai.primary_access_key # expect: AIS-SEC-OUTPUT-SECRETS
}
