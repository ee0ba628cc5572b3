variable "subnet_id" {
  type = string
}

resource "azurerm_cognitive_account" "openai" {
  name                          = "oai-prod"
  location                      = "swedencentral"
  resource_group_name           = "rg-ai"
  kind                          = "OpenAI"
  sku_name                      = "S0"
  custom_subdomain_name         = "oai-prod"
  public_network_access_enabled = false
}

resource "azurerm_private_endpoint" "openai" {
  name                = "pe-oai-prod"
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  subnet_id           = var.subnet_id

  private_service_connection {
    name                           = "oai-prod"
    private_connection_resource_id = azurerm_cognitive_account.openai.id
    subresource_names              = ["account"]
    is_manual_connection           = false
  }
}

# A manual connection counts too.
resource "azurerm_cognitive_account" "language" {
  name                  = "lang-prod"
  location              = "swedencentral"
  resource_group_name   = "rg-ai"
  kind                  = "TextAnalytics"
  sku_name              = "S"
  custom_subdomain_name = "lang-prod"
}

resource "azurerm_private_endpoint" "language" {
  name                = "pe-lang-prod"
  location            = "swedencentral"
  resource_group_name = "rg-ai"
  subnet_id           = var.subnet_id

  private_service_connection {
    name                           = "lang-prod"
    private_connection_resource_id = azurerm_cognitive_account.language.id
    subresource_names              = ["account"]
    is_manual_connection           = true
    request_message                = "Private access for the chat app"
  }
}
