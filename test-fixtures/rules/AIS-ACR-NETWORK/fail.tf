resource "azurerm_container_registry" "prod" { # expect: AIS-ACR-NETWORK
  name                = "craiprod"
  resource_group_name = "rg-ai"
  location            = "swedencentral"
  sku                 = "Premium"
}

resource "azurerm_container_registry" "build" {
  name                = "craibuild"
  resource_group_name = "rg-ai"
  location            = "swedencentral"
  sku                 = "Premium"

  network_rule_set {
    default_action = "Allow" # expect: AIS-ACR-NETWORK
  }
}
