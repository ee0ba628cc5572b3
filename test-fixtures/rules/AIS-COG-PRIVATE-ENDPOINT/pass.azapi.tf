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
      publicNetworkAccess = "Disabled"
    }
  }
}

resource "azurerm_private_endpoint" "openai" {
  name                = "pe-oai-prod"
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  subnet_id           = var.subnet_id

  private_service_connection {
    name                           = "oai-prod"
    private_connection_resource_id = azapi_resource.openai.id
    subresource_names              = ["account"]
    is_manual_connection           = false
  }
}

variable "resource_group_id" {
  type = string
}

variable "subnet_id" {
  type = string
}
