// The ARM JSON front end: deployment templates and parameters files, read with jsonc-parser (comments,
// trailing commas, error tolerance, offsets) into the shared model.
//
// A file is an ARM template when its `$schema` names a deploymentTemplate schema (any host, version or
// casing, including subscription/managementGroup/tenantDeploymentTemplate); a deploymentParameters schema
// makes it a parameters file (language `armparams`, no resources, `links` to the templates it feeds: see
// parametersFile.ts for the pairing convention). Any other JSON (package.json, policy definitions, tfstate,
// .aisec.json) yields a document with `skipped` set and nothing else.
//
// `Resource.syntax` (the handle for `edit/`) is an `ArmResourceSyntax`:
//   {
//     kind: 'arm',
//     root: Node,           // jsonc-parser node of the whole document (the top-level template object)
//     node: Node,           // the resource's object node (`{ "type": …, "name": …, "properties": … }`)
//     template: Node,       // the template object declaring it: `root`, or a nested deployment's
//                           //   `properties.template` object
//     scopeTemplate: Node,  // the template whose `parameters`/`variables` its expressions see (differs from
//                           //   `template` for nested deployments evaluated in the outer scope)
//     parentNode?: Node,    // the enclosing resource's object node, for children in a `resources` array
//     symbolicName?: string // languageVersion 2.0: the resource's property name in `resources`
//   }
// Nodes are jsonc-parser `Node`s (offset, length, children, parent) of the document text the resource came
// from; use `findNodeAtLocation`/`modify` from jsonc-parser on that text, never on a re-serialised copy.
//
// Resource keys: the symbolic name (languageVersion 2.0), else `<full type>/<name as written>` (children:
// the parent's type and name prefixed); resources of a nested deployment's inline template are prefixed
// `<deployment key> > `; duplicates get `#2`, `#3`.
//
// References: `resourceId('Microsoft.X/y', <name>)`, ids built with `format()`/`concat()` (Bicep's `scope:`, full
// `/subscriptions/…/providers/…` ids, `extensionResourceId`; idShape.ts reads type and name from the text),
// `reference()`, `resourceInfo()` and `list*()` become unknown values with a `reference`; when the template
// declares exactly one resource of that type whose name is written the same way (`[parameters('name')]`),
// the reference carries its key, so it resolves even though the name is not known. `parentKey` is set for
// children nested in `resources`, `parent::child` symbolic names, and top-level children whose name starts
// with their parent's (`acct/default`, `[format('{0}/{1}', parameters('name'), 'default')]`).
import type { Node } from 'jsonc-parser';
import { emptyDocument, type ParsedDocument } from '../../model/document';
import type { FrontEndResult, ParameterSupplier, SourceFile } from '../../model/frontend';
import { LineIndex } from '../../model/span';
import { ArmScope, DocumentContext } from './evaluate';
import { child, readJson, stringOf, TEMPLATE_SCHEMA } from './json';
import { parameterFileLinks, parameterValues } from './parametersFile';
import { templateOutputs, templateParameters, TemplateWalker } from './template';

export type { ArmResourceSyntax } from './template';
export { parseExpression, type ArmExpr } from './expression';
export { pairedTemplates } from './parametersFile';
export { MAX_JSON_DEPTH } from './json';

export type ArmFileKind = 'template' | 'parameters' | 'other';

/** What a JSON file is, from its `$schema`. */
export function armFileKind(schema: string | undefined): ArmFileKind {
  if (!schema) return 'other';
  if (TEMPLATE_SCHEMA.test(schema)) return 'template';
  if (/deploymentParameters\.json/i.test(schema)) return 'parameters';
  return 'other';
}

export function analyzeArm(file: SourceFile, suppliers: readonly ParameterSupplier[]): FrontEndResult {
  try {
    return analyze(file, suppliers);
  } catch (error) {
    // A defect of ours must not take the workspace down: the file is reported as not analysed.
    const message = error instanceof Error ? error.message : String(error);
    return {
      documents: [emptyDocument(file.uri, 'arm', file.text, `internal error while reading the file: ${message}`)],
      links: [],
    };
  }
}

/** The same function under the name the differential test (test/corpus/bicep-vs-arm.test.ts) loads. */
export const analyzeArmTemplate = analyzeArm;

function analyze(file: SourceFile, suppliers: readonly ParameterSupplier[]): FrontEndResult {
  const { text, uri } = file;
  if (text.trim() === '') return skip(file, 'not an ARM template: the file is empty');
  const reading = readJson(text);
  const schema = schemaOf(reading.root, text);
  const kind = armFileKind(schema);
  if (kind === 'other') {
    return skip(
      file,
      schema
        ? `not an ARM template: its $schema (${schema}) is not a deploymentTemplate or deploymentParameters schema`
        : reading.tooDeep
          ? `not analysed: JSON nested deeper than the limit and no ARM $schema`
          : 'not an ARM template: it has no deploymentTemplate or deploymentParameters $schema',
    );
  }
  const language = kind === 'template' ? 'arm' : 'armparams';
  if (!reading.root || reading.root.type !== 'object') {
    return {
      documents: [
        { ...emptyDocument(uri, language, text), syntaxProblems: reading.problems, comments: reading.comments },
      ],
      links: [],
    };
  }
  const root = reading.root;
  if (kind === 'parameters') {
    const values = parameterValues(root, text);
    const document: ParsedDocument = {
      uri,
      language,
      text,
      lines: new LineIndex(text),
      resources: [],
      syntaxProblems: reading.problems,
      comments: reading.comments,
    };
    return { documents: [document], links: parameterFileLinks(uri, values) };
  }

  const context = new DocumentContext(uri, text);
  // Not built, and never evaluated: should an expression ever reach one, it is unknown rather than `{}`.
  for (const node of reading.documentation ?? []) context.opaque.set(node, 'documentation: not analysed');
  const scope = new ArmScope(context, root, suppliers, '');
  const walker = new TemplateWalker(context, root);
  walker.walk(scope);
  context.checkExpressionSyntax(reading.bracketStrings ?? []);
  const parameters = templateParameters(scope);
  const outputs = templateOutputs(scope);
  const document: ParsedDocument = {
    uri,
    language,
    text,
    lines: new LineIndex(text),
    resources: walker.resources,
    syntaxProblems: [...reading.problems, ...context.problems].sort((a, b) => a.span.start - b.span.start),
    comments: reading.comments,
    outputs,
    parameters,
  };
  return { documents: [document], links: walker.links };
}

function skip(file: SourceFile, reason: string): FrontEndResult {
  return { documents: [emptyDocument(file.uri, 'arm', file.text, reason)], links: [] };
}

/** `$schema` from the tree, or (a broken or too deep file) from the first `"$schema": "…"` in the text. */
function schemaOf(root: Node | undefined, text: string): string | undefined {
  const fromTree = stringOf(child(root, '$schema'));
  if (fromTree) return fromTree;
  const match = /"\$schema"\s*:\s*"([^"]*)"/.exec(text.slice(0, 4096));
  return match?.[1];
}
