# export_policy_enabled defaults to true.
resource "azurerm_container_registry" "prod" { # expect: AIS-ACR-EXPORT
  name                          = "craiprod"
  resource_group_name = "rg-ai"
  location            = "swedencentral"
  sku                           = "Premium"
  public_network_access_enabled = false
}

resource "azurerm_container_registry" "build" {
  name                          = "craibuild"
  resource_group_name = "rg-ai"
  location            = "swedencentral"
  sku                           = "Premium"
  public_network_access_enabled = false
  export_policy_enabled         = true # expect: AIS-ACR-EXPORT
}
