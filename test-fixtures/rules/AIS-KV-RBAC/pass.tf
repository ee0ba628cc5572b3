# azurerm 4.x name.
resource "azurerm_key_vault" "prod" {
  name                       = "kv-ai-prod"
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  tenant_id           = var.tenant_id
  sku_name            = "standard"
  rbac_authorization_enabled = true
}

variable "tenant_id" {
  type = string
}
