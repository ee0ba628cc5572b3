resource "azurerm_key_vault" "prod" {
  name                     = "kv-ai-prod"
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  tenant_id           = var.tenant_id
  sku_name            = "standard"
  purge_protection_enabled = false # expect: AIS-KV-PURGE-PROTECTION
}

resource "azurerm_key_vault" "secrets" { # expect: AIS-KV-PURGE-PROTECTION
  name                = "kv-ai-secrets"
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  tenant_id           = var.tenant_id
  sku_name            = "standard"
}

variable "tenant_id" {
  type = string
}
