resource "azapi_resource" "openai" {
  type      = "Microsoft.CognitiveServices/accounts@2024-10-01"
  name      = "oai-prod"
  parent_id = var.resource_group_id
  location  = "swedencentral"
  body = {
    kind = "OpenAI"
    sku  = { name = "S0" }
    properties = {
      customSubDomainName = "oai-prod"
    }
  }
}

# The diagnostic setting declared with azapi too: an extension resource whose parent is the account.
resource "azapi_resource" "openai_diag" {
  type      = "Microsoft.Insights/diagnosticSettings@2021-05-01-preview"
  name      = "diag-oai"
  parent_id = azapi_resource.openai.id
  body = {
    properties = {
      workspaceId = var.workspace_id
      logs = [
        { categoryGroup = "allLogs", enabled = true }
      ]
    }
  }
}

variable "resource_group_id" {
  type = string
}

variable "workspace_id" {
  type = string
}
