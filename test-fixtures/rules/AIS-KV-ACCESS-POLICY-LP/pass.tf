resource "azurerm_key_vault" "prod" {
  name                = "kv-ai-prod"
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  tenant_id           = var.tenant_id
  sku_name            = "standard"

  access_policy {
    tenant_id          = var.tenant_id
    object_id          = var.app_principal_id
    secret_permissions = ["Get", "List"]
  }
}

resource "azurerm_key_vault_access_policy" "app" {
  key_vault_id    = azurerm_key_vault.prod.id
  tenant_id       = var.tenant_id
  object_id       = var.app_principal_id
  key_permissions = ["Get", "WrapKey", "UnwrapKey"]
}

variable "tenant_id" {
  type = string
}

variable "app_principal_id" {
  type = string
}
