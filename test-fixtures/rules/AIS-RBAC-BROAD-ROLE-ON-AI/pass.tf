resource "azurerm_storage_account" "data" {
  name                     = "stdataprod"
  resource_group_name      = "rg-ai"
  location                 = "swedencentral"
  account_tier             = "Standard"
  account_replication_type = "ZRS"
}

resource "azurerm_user_assigned_identity" "app" {
  name                = "id-rag-app"
  resource_group_name = "rg-ai"
  location            = "swedencentral"
}

resource "azurerm_role_assignment" "blob_reader" {
  scope                = azurerm_storage_account.data.id
  role_definition_name = "Storage Blob Data Reader"
  principal_id         = azurerm_user_assigned_identity.app.principal_id
}
