resource "azurerm_key_vault" "prod" { # expect: AIS-KV-PRIVATE-ENDPOINT
  name                = "kv-ai-prod"
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  tenant_id           = var.tenant_id
  sku_name            = "standard"
}

variable "tenant_id" {
  type = string
}
