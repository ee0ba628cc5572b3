// What a rule is and what it may do. Rules import only from `server/src/model`: they see resources and
// values in ARM terms, report findings, and describe fixes as model-level edits that `edit/` turns into
// Bicep, ARM or Terraform text.
import type { ParsedDocument } from './document';
import type { Resource } from './resource';
import type { Location, Span } from './span';
import type { ResourceReference, Value } from './value';

export type Severity = 'high' | 'medium' | 'low';

/** The posture pillars of the workspace report (DESIGN §8). */
export type Pillar = 'network' | 'identity' | 'encryption' | 'monitoring' | 'content-safety' | 'compute';

export interface PeerIds {
  readonly checkov?: readonly string[];
  readonly kics?: readonly string[];
  readonly trivy?: readonly string[];
  readonly psrule?: readonly string[];
  /** Azure Policy built-in display names (or definition ids). */
  readonly policy?: readonly string[];
}

export interface RuleMeta {
  /** `AIS-<SERVICE>-<CONTROL>`, as in the rules matrix. */
  readonly id: string;
  /** Imperative, names the secure state: "Disable local (key) authentication on AI Services accounts". */
  readonly title: string;
  readonly severity: Severity;
  readonly pillar: Pillar;
  /** ARM types the rule inspects; the engine passes only deployed resources of these types. */
  readonly resourceTypes: readonly string[];
  readonly peers: PeerIds;
  /** Best applicability among the fixes the rule can offer; absent when it offers none. */
  readonly fix?: FixApplicability;
  /**
   * Rules about a template as a whole (outputs, parameters) rather than resources of given types: the engine
   * calls them once per template document, with `context.document`, even when it declares no resources.
   */
  readonly documentRule?: boolean;
  /** Options the rule reads from `.aisec.json` (`ruleOptions[id]`), with their defaults. */
  readonly defaultOptions?: Readonly<Record<string, unknown>>;
}

export interface Rule {
  readonly meta: RuleMeta;
  check(context: RuleContext): void;
}

/** Cross-file view of the workspace for rules that relate resources (private endpoints, diagnostics…). */
export interface WorkspaceView {
  /** Every deployed (non-`existing`) resource in the workspace, optionally of one ARM type. */
  resources(type?: string): readonly Resource[];
  /** The resource a reference points at, searched from the document of `from`. */
  resolve(reference: ResourceReference, from: Resource): Resource | undefined;
  /** Resources that refer to `target` anywhere in their body or scope, optionally of one ARM type. */
  referrers(target: Resource, type?: string): readonly Referrer[];
}

export interface Referrer {
  readonly resource: Resource;
  /** ARM path of the referring value in `resource` ('' for the scope). */
  readonly path: string;
  readonly attribute: string;
}

export interface RuleContext {
  /** The document under check (outputs, parameters, comments); rules must not read its text. */
  readonly document: ParsedDocument;
  /** Deployed resources of `meta.resourceTypes` in the document under check. */
  readonly resources: readonly Resource[];
  readonly workspace: WorkspaceView;
  /** `meta.defaultOptions` merged with the user's `ruleOptions[id]`. */
  readonly options: Readonly<Record<string, unknown>>;
  report(finding: FindingInput): void;
}

export interface FindingInput {
  /** The resource the finding is about; document rules may omit it and give `location` instead. */
  readonly resource?: Resource;
  /** Where to report when there is no resource (an output, a parameter): a span in the checked document. */
  readonly span?: Span;
  /** ARM path of the offending property, when the finding is about one. */
  readonly path?: string;
  /**
   * The offending value: the diagnostic covers its span and relates to its origins. Omit when the property
   * is absent: the diagnostic then sits on the resource header.
   */
  readonly value?: Value;
  /** Names the resource and the fix: "Account 'oai-prod' allows key access: set disableLocalAuth to true." */
  readonly message: string;
  /**
   * 'definite' (default) is a violation. 'unverifiable' means the value is unknown (a parameter without
   * default, a module output): reported as "cannot verify" at Information and as SARIF kind "review".
   */
  readonly certainty?: 'definite' | 'unverifiable';
  readonly fixes?: readonly Fix[];
  readonly related?: readonly RelatedLocation[];
}

export interface RelatedLocation extends Location {
  readonly message: string;
}

/**
 * Safe: an in-place edit of the flagged setting to the secure value, undone by the same edit (DESIGN §9).
 * Unsafe: adds resources or parameters, deletes content, needs a user-supplied value, or is irreversible.
 */
export type FixApplicability = 'safe' | 'unsafe';

export interface Fix {
  /** Imperative, for the lightbulb: "Set disableLocalAuth to true". */
  readonly title: string;
  readonly applicability: FixApplicability;
  readonly edits: readonly ModelEdit[];
  /**
   * The fix already written as text edits by uri (a batch scan writes fixes while the documents are alive,
   * then drops the model and `edits`); empty when it cannot be written.
   */
  readonly textEdits?: ReadonlyMap<string, readonly { readonly span: Span; readonly newText: string }[]>;
}

/** JSON plus expressions that each syntax writes its own way (references, parameters). */
export type EditValue =
  null | boolean | number | string | readonly EditValue[] | { readonly [key: string]: EditValue } | EditExpression;

export type EditExpression =
  /** `account.id` / `[resourceId(...)]` / `azurerm_cognitive_account.main.id` */
  | { readonly $expr: 'reference'; readonly resource: Resource | NewResourceHandle; readonly attribute: string }
  /** `subnetId` / `[parameters('subnetId')]` / `var.subnet_id` */
  | { readonly $expr: 'parameter'; readonly name: string }
  /** A string joined from parts: `'${name}-pe'` / `[format('{0}-pe', …)]` / `"${…}-pe"`. */
  | { readonly $expr: 'concat'; readonly parts: readonly EditValue[] }
  /**
   * The value of another resource's property as written there (same document), e.g. the location of the
   * resource a private endpoint is added for. Copying the expression avoids a reference (and a cycle).
   */
  | { readonly $expr: 'copy'; readonly resource: Resource; readonly path: string }
  /** An object with computed keys: `userAssignedIdentities: { '${identity.id}': {} }`. */
  | {
      readonly $expr: 'entries';
      readonly entries: readonly { readonly key: EditValue; readonly value: EditValue }[];
    };

/** Names a resource that an earlier edit of the same fix adds. */
export interface NewResourceHandle {
  readonly $new: string;
}

export type ModelEdit =
  /** Set an ARM property, creating missing parent objects (Terraform: blocks/attributes via the mapping). */
  | { readonly kind: 'set'; readonly resource: Resource; readonly path: string; readonly value: EditValue }
  | { readonly kind: 'remove'; readonly resource: Resource; readonly path: string }
  /** Append an element to the array at `path` (created when absent). */
  | { readonly kind: 'append'; readonly resource: Resource; readonly path: string; readonly value: EditValue }
  /** Add a new resource after `near`; `handle.$new` names it for references from later edits. */
  | {
      readonly kind: 'addResource';
      readonly near: Resource;
      readonly handle: NewResourceHandle;
      readonly type: string;
      readonly apiVersion: string;
      /** Preferred symbolic name / Terraform local name; made unique by `edit/`. */
      readonly name: string;
      readonly body: { readonly [key: string]: EditValue };
    }
  /**
   * Declare a template parameter or output secure, in place: Bicep `@secure()` above the declaration, ARM
   * `"type": "secureString"`/`"secureObject"` (from string/object), Terraform `sensitive = true`.
   */
  | {
      readonly kind: 'markSecure';
      readonly target: 'parameter' | 'output';
      readonly uri: string;
      readonly name: string;
    }
  /** Add a template parameter (Terraform: a variable) unless one with that name exists. */
  | {
      readonly kind: 'addParameter';
      readonly near: Resource;
      readonly name: string;
      readonly type: 'string' | 'bool' | 'int' | 'object' | 'array';
      readonly description: string;
      readonly defaultValue?: EditValue;
    };
