resource "azapi_resource" "blocking" {
  type      = "Microsoft.CognitiveServices/accounts/raiPolicies@2025-06-01"
  name      = "blocking"
  parent_id = var.account_id
  body = {
    properties = {
      basePolicyName = "Microsoft.DefaultV2"
      mode           = "Blocking"
    }
  }
}

variable "account_id" {
  type = string
}
