// The identity check shared by accounts and Foundry projects: any managed identity passes.
import { setFix, type Fix, type Predicate, type Resource } from '../../server/src/model';

/** SystemAssigned, UserAssigned or both (any spacing, any case); 'None' fails. */
export const hasManagedIdentity: Predicate = (value) =>
  typeof value === 'string' && /^\s*(systemassigned|userassigned|systemassigned\s*,\s*userassigned)\s*$/i.test(value);

export function systemAssignedFix(resource: Resource): Fix {
  return setFix(
    resource,
    'identity.type',
    'SystemAssigned',
    { arm: "Set identity.type to 'SystemAssigned'", azurerm: 'Add identity { type = "SystemAssigned" }' },
    'safe',
  );
}
