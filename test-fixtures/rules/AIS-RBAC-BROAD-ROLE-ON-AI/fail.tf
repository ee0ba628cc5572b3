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

# By role name.
resource "azurerm_role_assignment" "contributor" {
  scope                = azurerm_storage_account.data.id
  role_definition_name = "Contributor" # expect: AIS-RBAC-BROAD-ROLE-ON-AI
  principal_id         = azurerm_user_assigned_identity.app.principal_id
}

# By role definition id.
resource "azurerm_role_assignment" "owner" {
  scope              = azurerm_storage_account.data.id
  role_definition_id = "/providers/Microsoft.Authorization/roleDefinitions/8e3af657-a8ff-443c-a75c-2fe8c4bcb635" # expect: AIS-RBAC-BROAD-ROLE-ON-AI
  principal_id       = azurerm_user_assigned_identity.app.principal_id
  principal_type     = "ServicePrincipal"
}
