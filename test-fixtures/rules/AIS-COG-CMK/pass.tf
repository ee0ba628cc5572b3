# The inline customer_managed_key block (azurerm 3.x and later).
resource "azurerm_cognitive_account" "openai" {
  name                  = "oai-prod"
  location              = "swedencentral"
  resource_group_name   = "rg-ai"
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "oai-prod"

  identity {
    type         = "UserAssigned"
    identity_ids = [azurerm_user_assigned_identity.oai.id]
  }

  customer_managed_key {
    key_vault_key_id   = azurerm_key_vault_key.oai.id
    identity_client_id = azurerm_user_assigned_identity.oai.client_id
  }
}

resource "azurerm_user_assigned_identity" "oai" {
  name                = "id-oai"
  location            = "swedencentral"
  resource_group_name = "rg-ai"
}

resource "azurerm_key_vault_key" "oai" {
  name         = "oai-cmk"
  key_vault_id = var.key_vault_id
  key_type     = "RSA"
  key_size     = 2048
  key_opts     = ["wrapKey", "unwrapKey"]
}

variable "key_vault_id" {
  type = string
}
