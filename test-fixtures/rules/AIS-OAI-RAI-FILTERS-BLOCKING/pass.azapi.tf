# azapi v1 style: the body is a jsonencode() string.
resource "azapi_resource" "strict" {
  type      = "Microsoft.CognitiveServices/accounts/raiPolicies@2024-10-01"
  name      = "strict"
  parent_id = var.account_id
  body = jsonencode({
    properties = {
      basePolicyName = "Microsoft.DefaultV2"
      contentFilters = [
        { name = "Hate", enabled = true, blocking = true, severityThreshold = "Medium", source = "Prompt" },
        { name = "Sexual", enabled = true, blocking = true, severityThreshold = "Low", source = "Completion" },
      ]
    }
  })
}

variable "account_id" {
  type = string
}
