// The only code that writes IaC text. A rule describes a fix as model edits (set / remove / append a
// property, add a resource or a parameter); this module turns them into text edits in the syntax of each
// affected file (Bicep, ARM JSON, Terraform), in that file's own style, or refuses: a fix that cannot be
// written exactly yields no edits and is not offered. Never a wrong edit.
//
//   realizeFix(fix, documents)      -> { title, edits } | undefined   (title may carry notes: "in the default
//                                      of parameter 'x'", "replaces parameter 'x', which main.bicepparam sets")
//   fixToTextEdits(fix, documents)  -> Map<uri, TextEdit[]> (empty when the fix cannot be written)
//   suppressionEdit(document, finding) -> TextEdit adding `aisec-disable-next-line ID -- reason` above the line
import type { ParsedDocument } from '../model/document';
import type { Fix, ModelEdit } from '../model/rule';
import { ArmWriter } from './arm';
import { BicepWriter } from './bicep';
import { buildPatch, groupByResource } from './patch';
import { markSecureEdits } from './secure';
import { CannotWrite, FixSession, type DocumentWriter } from './session';
import type { TextEdit } from './text';
import { createTerraformWriter } from './terraform';

export { applyTextEdits, detectStyle, type TextEdit } from './text';
export { suppressionEdit, type SuppressibleFinding } from './suppression';

export interface RealizedFix {
  /** The fix's title, with notes on where the edit lands when that is not the flagged line. */
  readonly title: string;
  readonly edits: Map<string, TextEdit[]>;
}

export interface RealizeOptions {
  /**
   * Every file of the workspace (the engine's `session.uris()`): lets Terraform edits count the uses of a
   * variable across its module and see variables declared in other files. Without it, a variable's default
   * is never edited (its use is replaced instead).
   */
  readonly uris?: () => readonly string[];
  /** Rethrow unexpected errors (tests); by default a writer bug means "fix not offered", never a crash. */
  readonly strict?: boolean;
}

export function fixToTextEdits(
  fix: Fix,
  documents: (uri: string) => ParsedDocument | undefined,
  options: RealizeOptions = {},
): Map<string, TextEdit[]> {
  return realizeFix(fix, documents, options)?.edits ?? new Map();
}

/** The fix as text edits per document, or undefined when it cannot be written exactly. */
export function realizeFix(
  fix: Fix,
  documents: (uri: string) => ParsedDocument | undefined,
  options: RealizeOptions = {},
): RealizedFix | undefined {
  const session = new FixSession(fix, documents);
  const writers = new Map<string, DocumentWriter>();
  const writerFor = (uri: string): DocumentWriter => {
    let writer = writers.get(uri);
    if (!writer) {
      const document = documents(uri);
      if (!document || document.skipped) throw new CannotWrite(`no document for ${uri}`);
      writer = createWriter(document, session, documents, options);
      writers.set(uri, writer);
    }
    return writer;
  };
  try {
    if (fix.edits.length === 0) return undefined;
    const ordered = [
      ...fix.edits.filter((e) => e.kind === 'addParameter'),
      ...fix.edits.filter((e) => e.kind === 'addResource'),
    ] as Extract<ModelEdit, { kind: 'addParameter' | 'addResource' }>[];
    for (const edit of ordered) {
      // New declarations go between existing ones: not into a file that does not parse cleanly.
      if (documents(edit.near.uri)?.syntaxProblems.length) throw new CannotWrite('the file has syntax problems');
      if (edit.kind === 'addParameter') writerFor(edit.near.uri).addParameter(edit);
      else if (edit.kind === 'addResource') writerFor(edit.near.uri).addResource(edit);
    }
    for (const [resource, edits] of groupByResource(fix.edits)) {
      if (resource.existing) throw new CannotWrite('an existing resource is deployed elsewhere');
      const patch = buildPatch(edits);
      if (!patch) throw new CannotWrite('contradictory edits');
      writerFor(resource.uri).patchResource(resource, patch);
    }
    const perUri = new Map<string, TextEdit[]>();
    const add = (uri: string, edits: readonly TextEdit[]) => perUri.set(uri, [...(perUri.get(uri) ?? []), ...edits]);
    for (const edit of fix.edits) {
      if (edit.kind !== 'markSecure') continue;
      const document = documents(edit.uri);
      if (!document || document.skipped) throw new CannotWrite(`no document for ${edit.uri}`);
      add(edit.uri, markSecureEdits(document, edit));
    }
    for (const [uri, writer] of writers) {
      add(uri, writer.edits());
      for (const [other, edits] of writer.otherEdits?.() ?? []) add(other, edits);
    }
    const result = new Map<string, TextEdit[]>();
    for (const [uri, unsorted] of perUri) {
      const edits = unsorted.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
      for (let i = 1; i < edits.length; i++) {
        if (edits[i].span.start < edits[i - 1].span.end) throw new CannotWrite('edits overlap');
      }
      if (edits.length > 0) result.set(uri, edits);
    }
    if (result.size === 0) return undefined;
    const title = session.notes.length > 0 ? `${fix.title} (${session.notes.join('; ')})` : fix.title;
    return { title, edits: result };
  } catch (error) {
    if (error instanceof CannotWrite) {
      if (process.env.AISEC_EDIT_DEBUG) console.error(`fix '${fix.title}' not written: ${error.message}`);
      return undefined;
    }
    if (options.strict) throw error;
    console.error(`aisec: could not write fix '${fix.title}': ${(error as Error).stack ?? String(error)}`);
    return undefined;
  }
}

function createWriter(
  document: ParsedDocument,
  session: FixSession,
  documents: (uri: string) => ParsedDocument | undefined,
  options: RealizeOptions,
): DocumentWriter {
  switch (document.language) {
    case 'bicep':
      return new BicepWriter(document, session);
    case 'arm':
      return new ArmWriter(document, session);
    case 'terraform':
      return createTerraformWriter(document, session, documents, options.uris);
    default:
      throw new CannotWrite(`${document.language} files hold no resources to edit`);
  }
}
