resource "azurerm_container_registry" "prod" { # expect: AIS-ACR-CMK
  name                = "craiprod"
  resource_group_name = "rg-ai"
  location            = "swedencentral"
  sku                 = "Premium"
}
