resource "azapi_resource" "lenient" {
  type      = "Microsoft.CognitiveServices/accounts/raiPolicies@2024-10-01"
  name      = "lenient"
  parent_id = var.account_id
  body = {
    properties = {
      basePolicyName = "Microsoft.DefaultV2"
      contentFilters = [
        { name = "Hate", enabled = true, blocking = true, severityThreshold = "Medium", source = "Prompt" },
        { name = "Sexual", enabled = true, blocking = false, severityThreshold = "Medium", source = "Completion" }, # expect: AIS-OAI-RAI-FILTERS-BLOCKING
      ]
    }
  }
}

variable "account_id" {
  type = string
}
