data "azurerm_subscription" "primary" {}

resource "azurerm_role_definition" "ai_operator" {
  name              = "AI operator"
  scope             = data.azurerm_subscription.primary.id
  assignable_scopes = [data.azurerm_subscription.primary.id]

  permissions {
    actions = ["*"] # expect: AIS-RBAC-CUSTOM-ROLE-WILDCARD
  }
}
