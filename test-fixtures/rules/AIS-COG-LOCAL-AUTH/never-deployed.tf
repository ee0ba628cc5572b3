# Behind `count = var.x ? 1 : 0` with a false default: never deployed, not linted.
variable "create_legacy" {
  type    = bool
  default = false
}

variable "create_current" {
  type = bool
}

resource "azurerm_cognitive_account" "legacy" {
  count                 = var.create_legacy ? 1 : 0
  name                  = "oai-legacy"
  location              = "swedencentral"
  resource_group_name   = "rg-ai"
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "oai-legacy"
  local_auth_enabled    = true
}

# An unknown count may be 1: linted.
resource "azurerm_cognitive_account" "current" {
  count                 = var.create_current ? 1 : 0
  name                  = "oai-current"
  location              = "swedencentral"
  resource_group_name   = "rg-ai"
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "oai-current"
  local_auth_enabled    = true # expect: AIS-COG-LOCAL-AUTH
}
