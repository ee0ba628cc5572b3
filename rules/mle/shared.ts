// The ARM type the AIS-MLE rules inspect. azurerm has no resource for managed online endpoints: Terraform
// users declare them with azapi_resource.
export const ENDPOINT_TYPE = 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints';
