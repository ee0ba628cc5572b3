# The separate resource (the only shape Checkov's CKV2_AZURE_22 recognises) merges into the account.
resource "azurerm_cognitive_account" "openai" {
  name                  = "oai-prod"
  location              = "swedencentral"
  resource_group_name   = "rg-ai"
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "oai-prod"

  identity {
    type = "SystemAssigned"
  }
}

resource "azurerm_cognitive_account_customer_managed_key" "openai" {
  cognitive_account_id = azurerm_cognitive_account.openai.id
  key_vault_key_id     = var.key_vault_key_id
}

variable "key_vault_key_id" {
  type = string
}

# No customer-managed key for this one.
resource "azurerm_cognitive_account" "language" { # expect: AIS-COG-CMK
  name                  = "lang-prod"
  location              = "swedencentral"
  resource_group_name   = "rg-ai"
  kind                  = "TextAnalytics"
  sku_name              = "S"
  custom_subdomain_name = "lang-prod"
}
