variable "key_id" {
  type = string
}

variable "identity_id" {
  type = string
}

# Inline customer_managed_key block.
resource "azurerm_storage_account" "data" {
  name                     = "stdataprod"
  resource_group_name      = "rg-ai"
  location                 = "swedencentral"
  account_tier             = "Standard"
  account_replication_type = "ZRS"

  identity {
    type         = "UserAssigned"
    identity_ids = [var.identity_id]
  }

  customer_managed_key {
    key_vault_key_id          = var.key_id
    user_assigned_identity_id = var.identity_id
  }
}
