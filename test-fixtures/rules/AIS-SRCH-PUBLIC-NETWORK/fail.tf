resource "azurerm_search_service" "search" {
  name                = "srch-prod"
  resource_group_name = "rg-ai"
  location            = "swedencentral"
  sku                 = "standard"
  public_network_access_enabled = true # expect: AIS-SRCH-PUBLIC-NETWORK

  identity {
    type = "SystemAssigned"
  }
}

# public_network_access_enabled defaults to true.
resource "azurerm_search_service" "unset" { # expect: AIS-SRCH-PUBLIC-NETWORK
  name                = "srch-unset"
  resource_group_name = "rg-ai"
  location            = "swedencentral"
  sku                 = "standard"


  identity {
    type = "SystemAssigned"
  }
}
