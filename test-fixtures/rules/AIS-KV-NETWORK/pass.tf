resource "azurerm_key_vault" "prod" {
  name                          = "kv-ai-prod"
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  tenant_id           = var.tenant_id
  sku_name            = "standard"
  public_network_access_enabled = false
}

resource "azurerm_key_vault" "secrets" {
  name                = "kv-ai-secrets"
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  tenant_id           = var.tenant_id
  sku_name            = "standard"

  network_acls {
    default_action = "Deny"
    bypass         = "AzureServices"
  }
}

variable "tenant_id" {
  type = string
}
