// The contract between the workspace and the three front ends (Bicep, ARM, Terraform). A front end turns
// source text into ParsedDocuments of the shared model; it never sees rules, LSP or VS Code.
//
// Cross-file values flow through ParameterSuppliers: a .bicepparam file, an ARM parameters file, a
// terraform.tfvars, a Bicep `module` call or a Terraform `module` block each supply values to the
// parameters (variables) of one template (module). One supplier = one way the template gets deployed.
import type { ParsedDocument } from './document';
import type { Value } from './value';

export interface SourceFile {
  readonly uri: string;
  readonly text: string;
}

export interface ParameterSupplier {
  /** The supplying file (the .bicepparam, parameters file, tfvars, or the file with the module call). */
  readonly uri: string;
  /** For messages and related information: "parameters file main.parameters.json", "module 'ai' in main.bicep". */
  readonly description: string;
  /**
   * Supplied values by parameter name, lower-cased. Their spans are in `uri`'s text: the receiving front
   * end substitutes them with `withOrigin`, so findings point at the use and relate to the supplier line.
   */
  readonly values: ReadonlyMap<string, Value>;
}

/** A supplier together with the template it feeds. */
export interface TemplateLink {
  readonly supplier: ParameterSupplier;
  /** The template's uri (a Terraform module: the directory's uri, without trailing slash). */
  readonly templateUri: string;
}

export interface FrontEndResult {
  readonly documents: readonly ParsedDocument[];
  /** Values this input hands to other templates: `using` targets, module calls, tfvars → their module. */
  readonly links: readonly TemplateLink[];
}
