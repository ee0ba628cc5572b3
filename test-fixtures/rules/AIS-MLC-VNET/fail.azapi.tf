resource "azapi_resource" "wsapi" {
  type      = "Microsoft.MachineLearningServices/workspaces@2024-10-01"
  name      = "mlw-prod"
  parent_id = var.resource_group_id
  location  = "swedencentral"
  identity {
    type = "SystemAssigned"
  }
  body = {
    kind = "Default"
    sku  = { name = "Basic", tier = "Basic" }
    properties = {
      storageAccount      = var.storage_account_id
      keyVault            = var.key_vault_id
      applicationInsights = var.app_insights_id
      publicNetworkAccess = "Disabled"
    }
  }
}

variable "resource_group_id" {
  type = string
}

resource "azapi_resource" "cpu" { # expect: AIS-MLC-VNET
  type      = "Microsoft.MachineLearningServices/workspaces/computes@2024-10-01"
  name      = "cpu-cluster"
  parent_id = azapi_resource.wsapi.id
  location  = "swedencentral"
  body = {
    properties = {
      computeType = "AmlCompute"
      properties = {
        vmSize = "Standard_DS3_v2"
      }
    }
  }
}

variable "app_insights_id" {
  type = string
}

variable "key_vault_id" {
  type = string
}

variable "storage_account_id" {
  type = string
}
