# azurerm 3.x name.
resource "azurerm_key_vault" "prod" {
  name                      = "kv-ai-prod"
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  tenant_id           = var.tenant_id
  sku_name            = "standard"
  enable_rbac_authorization = false # expect: AIS-KV-RBAC
}

# Absent: access policies (the azurerm default).
resource "azurerm_key_vault" "secrets" { # expect: AIS-KV-RBAC
  name                = "kv-ai-secrets"
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  tenant_id           = var.tenant_id
  sku_name            = "standard"
}

variable "tenant_id" {
  type = string
}
