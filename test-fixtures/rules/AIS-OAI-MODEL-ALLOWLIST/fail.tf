resource "azurerm_cognitive_deployment" "reasoning" {
  name                 = "o1"
  cognitive_account_id = var.account_id
  rai_policy_name      = "Microsoft.DefaultV2"

  model {
    format  = "OpenAI"
    name    = "o1" # expect: AIS-OAI-MODEL-ALLOWLIST
    version = "2024-12-17"
  }

  sku {
    name = "GlobalStandard"
  }
}

variable "account_id" {
  type = string
}
