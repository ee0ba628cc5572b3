resource "azurerm_key_vault" "prod" { # expect: AIS-KV-NETWORK
  name                = "kv-ai-prod"
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  tenant_id           = var.tenant_id
  sku_name            = "standard"
}

resource "azurerm_key_vault" "secrets" {
  name                = "kv-ai-secrets"
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  tenant_id           = var.tenant_id
  sku_name            = "standard"

  network_acls {
    default_action = "Allow" # expect: AIS-KV-NETWORK
    bypass         = "AzureServices"
  }
}

variable "tenant_id" {
  type = string
}
