variable "local_auth" {
  type    = bool
  default = false
}

resource "azurerm_cognitive_account" "openai" {
  name                  = "oai-prod"
  location              = "swedencentral"
  resource_group_name   = "rg-ai"
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "oai-prod"
  local_auth_enabled    = var.local_auth # expect: AIS-COG-LOCAL-AUTH
}
