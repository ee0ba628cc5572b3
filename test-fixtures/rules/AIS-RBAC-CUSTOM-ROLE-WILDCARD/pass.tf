data "azurerm_subscription" "primary" {}

resource "azurerm_role_definition" "deployer" {
  name              = "AI model deployer"
  scope             = data.azurerm_subscription.primary.id
  assignable_scopes = [data.azurerm_subscription.primary.id]

  permissions {
    actions = [
      "Microsoft.CognitiveServices/accounts/read",
      "Microsoft.CognitiveServices/accounts/deployments/*",
    ]
  }
}
