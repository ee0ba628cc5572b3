// Where a guess may apply. A name written as an expression (`parameters('name')`, `var.name`) or a related
// resource whose target is unknown (an endpoint to a parameter's id) means something only inside its own
// template: one document, or the files of one Terraform module. Parameters of two templates are not the same
// value because they are spelled alike, and an unknown target in one template says nothing about another's.

const TERRAFORM = /\.tf(vars)?$/i;

/** Whether two documents share a scope: the same uri, or two files of one Terraform module (directory). */
export function sameScope(a: string, b: string): boolean {
  if (a === b) return true;
  return TERRAFORM.test(a) && TERRAFORM.test(b) && a.slice(0, a.lastIndexOf('/')) === b.slice(0, b.lastIndexOf('/'));
}
