variable "purge_protection" {
  type = bool
}

resource "azurerm_key_vault" "prod" {
  name                     = "kv-ai-prod"
  location                 = "swedencentral"
  resource_group_name      = "rg-ai"
  tenant_id                = "00000000-0000-0000-0000-000000000000"
  sku_name                 = "standard"
  purge_protection_enabled = var.purge_protection # expect-review: AIS-KV-PURGE-PROTECTION
}
