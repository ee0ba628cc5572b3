resource "azurerm_search_service" "search" {
  name                = "srch-prod"
  resource_group_name = "rg-ai"
  location            = "swedencentral"
  sku                 = "standard"
  local_authentication_enabled  = false

  identity {
    type = "SystemAssigned"
  }
}
