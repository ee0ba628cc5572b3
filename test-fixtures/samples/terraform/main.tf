terraform {
  required_providers {
    azurerm = {
      source  = "hashicorp/azurerm"
      version = "~> 4.0"
    }
    azapi = {
      source  = "Azure/azapi"
      version = "~> 2.0"
    }
  }
}

provider "azurerm" {
  features {}
}

resource "azurerm_resource_group" "ai" {
  name     = "rg-ai-${var.environment}"
  location = var.location
}

# Azure OpenAI for the support assistant.
resource "azurerm_cognitive_account" "openai" {
  name                  = "oai-support-${var.environment}"
  location              = azurerm_resource_group.ai.location
  resource_group_name   = azurerm_resource_group.ai.name
  kind                  = "OpenAI"
  sku_name              = "S0"
  custom_subdomain_name = "oai-support-${var.environment}"
  local_auth_enabled    = var.local_auth_enabled

  identity {
    type = "SystemAssigned"
  }
}

# AI Services (Foundry) account through azapi.
resource "azapi_resource" "foundry" {
  type      = "Microsoft.CognitiveServices/accounts@2025-04-01-preview"
  name      = "ais-foundry-${var.environment}"
  parent_id = azurerm_resource_group.ai.id
  location  = var.location

  identity {
    type = "SystemAssigned"
  }

  body = {
    kind = "AIServices"
    sku = {
      name = "S0"
    }
    properties = {
      customSubDomainName    = "ais-foundry-${var.environment}"
      disableLocalAuth       = true
      publicNetworkAccess    = "Disabled"
      allowProjectManagement = true
    }
  }
}
