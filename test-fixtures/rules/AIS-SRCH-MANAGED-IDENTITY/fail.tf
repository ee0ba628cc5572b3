resource "azurerm_search_service" "search" { # expect: AIS-SRCH-MANAGED-IDENTITY
  name                = "srch-prod"
  resource_group_name = "rg-ai"
  location            = "swedencentral"
  sku                 = "standard"
  local_authentication_enabled = false
}
