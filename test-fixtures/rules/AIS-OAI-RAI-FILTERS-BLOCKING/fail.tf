# azurerm 4.x: azurerm_cognitive_account_rai_policy.
resource "azurerm_cognitive_account_rai_policy" "lenient" {
  name                 = "lenient"
  cognitive_account_id = var.account_id
  base_policy_name     = "Microsoft.DefaultV2"

  content_filter {
    name               = "Hate"
    filter_enabled     = true
    block_enabled      = false # expect: AIS-OAI-RAI-FILTERS-BLOCKING
    severity_threshold = "Medium"
    source             = "Prompt"
  }

  content_filter {
    name               = "Violence"
    filter_enabled     = false # expect: AIS-OAI-RAI-FILTERS-BLOCKING
    block_enabled      = true
    severity_threshold = "Medium"
    source             = "Completion"
  }
}

variable "account_id" {
  type = string
}
