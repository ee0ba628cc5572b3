resource "azurerm_search_service" "search" { # expect: AIS-SRCH-PRIVATE-ENDPOINT
  name                = "srch-prod"
  resource_group_name = "rg-ai"
  location            = "swedencentral"
  sku                 = "standard"
  public_network_access_enabled = false

  identity {
    type = "SystemAssigned"
  }
}
