# The other azurerm shape: a separate azurerm_storage_account_customer_managed_key resource.
resource "azurerm_storage_account" "data" {
  name                     = "stdataprod"
  resource_group_name      = "rg-ai"
  location                 = "swedencentral"
  account_tier             = "Standard"
  account_replication_type = "ZRS"

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_storage_account_customer_managed_key" "data" {
  storage_account_id = azurerm_storage_account.data.id
  key_vault_id       = "/subscriptions/0000/resourceGroups/rg-ai/providers/Microsoft.KeyVault/vaults/kv-ai-cmk"
  key_name           = "st-cmk"
}
