resource "azurerm_container_registry" "prod" {
  name                          = "craiprod"
  resource_group_name = "rg-ai"
  location            = "swedencentral"
  sku                           = "Premium"
  public_network_access_enabled = false
}

resource "azurerm_container_registry" "build" {
  name                = "craibuild"
  resource_group_name = "rg-ai"
  location            = "swedencentral"
  sku                 = "Premium"

  network_rule_set {
    default_action = "Deny"

    ip_rule {
      action   = "Allow"
      ip_range = "203.0.113.0/24"
    }
  }
}
