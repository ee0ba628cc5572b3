resource "azapi_resource" "chat" { # expect: AIS-OAI-RAI-POLICY-SET
  type      = "Microsoft.CognitiveServices/accounts/deployments@2024-10-01"
  name      = "gpt-4o"
  parent_id = var.account_id
  body = {
    sku = { name = "GlobalStandard", capacity = 10 }
    properties = {
      model = { format = "OpenAI", name = "gpt-4o", version = "2024-11-20" }
    }
  }
}

variable "account_id" {
  type = string
}
