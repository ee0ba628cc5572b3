// The ARM type the AIS-MLE rules inspect. azurerm has no resource for managed online endpoints: Terraform
// users declare them with azapi_resource.
import type { Resource } from '../../server/src/model';

export const ENDPOINT_TYPE = 'Microsoft.MachineLearningServices/workspaces/onlineEndpoints';

/**
 * Kubernetes online endpoints name their attached compute in `properties.compute`; managed endpoints have
 * none. Public network access and Entra ID token auth are managed-endpoint features, so those are skipped.
 */
export function isKubernetesEndpoint(endpoint: Resource): boolean {
  return endpoint.get('properties.compute') !== undefined;
}
