resource "azapi_resource" "streaming" {
  type      = "Microsoft.CognitiveServices/accounts/raiPolicies@2025-06-01"
  name      = "streaming"
  parent_id = var.account_id
  body = {
    properties = {
      basePolicyName = "Microsoft.DefaultV2"
      mode           = "Deferred" # expect: AIS-OAI-RAI-MODE
    }
  }
}

variable "account_id" {
  type = string
}
