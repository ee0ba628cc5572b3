resource "azurerm_cognitive_account_rai_policy" "streaming" {
  name                 = "streaming"
  cognitive_account_id = var.account_id
  base_policy_name     = "Microsoft.DefaultV2"
  mode                 = "Asynchronous_filter" # expect: AIS-OAI-RAI-MODE

  content_filter {
    name               = "Hate"
    filter_enabled     = true
    block_enabled      = true
    severity_threshold = "Medium"
    source             = "Prompt"
  }
}

variable "account_id" {
  type = string
}
