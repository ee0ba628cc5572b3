resource "azurerm_search_service" "search" {
  name                = "srch-prod"
  resource_group_name = "rg-ai"
  location            = "swedencentral"
  sku                 = "standard"
  local_authentication_enabled  = true # expect: AIS-SRCH-LOCAL-AUTH
  authentication_failure_mode   = "http403"

  identity {
    type = "SystemAssigned"
  }
}

# local_authentication_enabled defaults to true.
resource "azurerm_search_service" "unset" { # expect: AIS-SRCH-LOCAL-AUTH
  name                = "srch-unset"
  resource_group_name = "rg-ai"
  location            = "swedencentral"
  sku                 = "standard"


  identity {
    type = "SystemAssigned"
  }
}
