variable "name" {
  type    = string
  default = "oai-prod"
}

resource "azurerm_cognitive_account" "openai" {
  name                  = var.name
  location              = "swedencentral"
  resource_group_name   = "rg-ai"
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = lower(var.name)
}
