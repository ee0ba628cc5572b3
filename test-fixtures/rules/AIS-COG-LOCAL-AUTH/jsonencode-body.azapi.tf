# azapi 1.x: the body is a jsonencode() string.
resource "azapi_resource" "openai" {
  type      = "Microsoft.CognitiveServices/accounts@2023-05-01"
  name      = "oai-prod"
  parent_id = var.resource_group_id
  location  = "swedencentral"
  body = jsonencode({
    kind = "OpenAI"
    sku  = { name = "S0" }
    properties = {
      disableLocalAuth = false # expect: AIS-COG-LOCAL-AUTH
    }
  })
}

variable "resource_group_id" {
  type = string
}
