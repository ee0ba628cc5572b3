// Which declarations are deployed under the values we know. A resource whose condition (Bicep `if`, ARM
// `condition`, Terraform `count = cond ? 1 : 0`, `count = 0`, an empty `for_each`) is the literal `false`
// is never deployed: rules do not run on it and the workspace index does not list it, so it can neither
// fail a check nor satisfy one (a private endpoint behind `if (false)` protects nothing). An unknown
// condition keeps the resource: it may be deployed.
import type { Resource } from '../model/resource';

export function isNeverDeployed(resource: Resource): boolean {
  const condition = resource.condition;
  return condition?.kind === 'literal' && condition.value === false;
}

/** Declared here and deployed by this template: not `existing`/`data`, not behind a false condition. */
export function isDeployed(resource: Resource): boolean {
  return !resource.existing && !isNeverDeployed(resource);
}
