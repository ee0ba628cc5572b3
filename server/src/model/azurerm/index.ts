// The azurerm → ARM mapping table (one file per service family) and its lookups. The Terraform front end
// reads it forward (`mapResource`); `edit/` reads it backward (`reverse.ts`).
import { authorizationMappings } from './authorization';
import { basicMappings } from './basic';
import { cognitiveMappings } from './cognitive';
import { containerMappings } from './containers';
import { cosmosMappings } from './cosmos';
import { keyVaultMappings } from './keyvault';
import { machineLearningMappings } from './ml';
import { monitorMappings } from './monitor';
import { networkMappings } from './network';
import { searchMappings } from './search';
import { storageMappings } from './storage';
import type { ResourceMapping } from './types';
import { legacyWebMappings, webMappings } from './web';

export * from './types';
export * from './apply';
export * from './reverse';
export { invert, boolToEnum, enumMap } from './transforms';

export const allMappings: readonly ResourceMapping[] = [
  ...cognitiveMappings,
  ...machineLearningMappings,
  ...searchMappings,
  ...storageMappings,
  ...keyVaultMappings,
  ...containerMappings,
  ...cosmosMappings,
  ...networkMappings,
  ...monitorMappings,
  ...authorizationMappings,
  ...webMappings,
  ...legacyWebMappings,
  ...basicMappings,
];

const bySourceType = new Map(allMappings.map((mapping) => [mapping.sourceType, mapping]));

/** The mapping of an azurerm resource type, or undefined when aisec does not map it. */
export function azurermMapping(sourceType: string): ResourceMapping | undefined {
  return bySourceType.get(sourceType);
}

/** The azurerm types that deploy an ARM type (several: `azurerm_cognitive_account`, `azurerm_ai_services`). */
export function azurermTypesFor(armType: string): readonly ResourceMapping[] {
  const lower = armType.toLowerCase();
  return allMappings.filter((mapping) => mapping.armType.toLowerCase() === lower && !mapping.patchTargetAttribute);
}
