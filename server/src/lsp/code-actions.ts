// textDocument/codeAction. Stateless, as in Ruff's server: the findings are recomputed for the document's
// current text when the request comes in and matched to the diagnostics in the request by rule, resource,
// property and range; nothing is remembered between publishing a diagnostic and acting on it.
// Per finding: each fix as a quickfix (the safe one preferred, unsafe ones titled "(unsafe)"), "Suppress <ID>
// on this line", "Turn off <ID> in .aisec.json" / "Set <ID> to warning|info in .aisec.json" (issue 6: the
// nearest config file, created at the workspace root when missing), "Show documentation for <ID>"; per file:
// "Fix all aisec issues in this file".
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  type CodeAction,
  type CodeActionParams,
  type Diagnostic,
  type Range,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import { configTargetFor, configuredLevel, newConfigText, setRuleLevelEdits, type RuleLevel } from '../edit/config';
import type { Finding } from '../engine/finding';
import { LineIndex, type ParsedDocument } from '../model';
import { fixAllEdit } from './fix-all';
import { FixAllCodeActionKind, ShowDocumentationCommand } from './protocol';
import { hasDocs, isDiagnosticData, sameFinding, toDiagnostic, toRange } from './diagnostics';
import type { LintSession } from './session';
import { sessionUris, toWorkspaceEdit, type EditFunctions } from './text-edits';

export interface CodeActionDeps {
  readonly session: LintSession;
  /** Current findings of the document (recomputed when its text changed since the last check). */
  findings(uri: string): readonly Finding[];
  readonly edits: EditFunctions;
  versionOf(uri: string): number | undefined;
  readonly supportsDocumentChanges: boolean;
  /** The client resolves code actions lazily (`codeAction/resolve` with `edit`). */
  readonly supportsResolve: boolean;
  readonly docsBaseUrl?: string;
  /** Uri of the workspace folder holding the document: where a missing `.aisec.json` is created. */
  readonly workspaceFolder?: string;
  error(message: string, error: unknown): void;
}

/** LSP kind filters are hierarchical: 'source' admits 'source.fixAll.aisec'. */
export function kindRequested(only: readonly string[] | undefined, kind: string): boolean {
  return !only || only.some((filter) => kind === filter || kind.startsWith(`${filter}.`));
}

export function codeActions(params: CodeActionParams, deps: CodeActionDeps): CodeAction[] {
  const uri = params.textDocument.uri;
  const document = deps.session.document(uri);
  if (!document) return [];
  const only = params.context.only;
  const actions: CodeAction[] = [];
  const findings = deps.findings(uri).filter((f) => !f.suppression && f.uri === uri);

  if (kindRequested(only, CodeActionKind.QuickFix)) {
    const seen = new Set<string>();
    for (const { finding, diagnostic } of relevant(findings, params, document, deps)) {
      // Two findings of one rule on one line share their suppression and docs actions: offer each once.
      for (const action of findingActions(finding, diagnostic, document, deps)) {
        const key = `${action.title}\u0000${JSON.stringify(action.edit ?? action.command)}`;
        if (seen.has(key)) continue;
        seen.add(key);
        actions.push(action);
      }
    }
  }
  // Fix-all is a source action. It re-analyses the file once per fix, so it is computed eagerly only when asked
  // for by kind (fix on save, "Source Action…"); in the lightbulb it is offered lazily (codeAction/resolve).
  const explicit = only !== undefined && kindRequested(only, FixAllCodeActionKind);
  if (
    kindRequested(only, FixAllCodeActionKind) &&
    findings.some((f) => f.kind === 'fail' && f.fixes.some((x) => x.applicability === 'safe'))
  ) {
    if (explicit || !deps.supportsResolve) {
      const action = explicit ? fixAllAction(uri, deps) : undefined;
      if (action) actions.push(action);
    } else {
      const data: FixAllData = { fixAll: uri, version: deps.versionOf(uri) ?? null };
      actions.push({ title: fixAllTitle, kind: FixAllCodeActionKind, data });
    }
  }
  return actions;
}

const fixAllTitle = 'Fix all aisec issues in this file';

/** What a lazily offered fix-all carries to codeAction/resolve. */
export interface FixAllData {
  readonly fixAll: string;
  readonly version: number | null;
}

export function isFixAllData(value: unknown): value is FixAllData {
  return typeof value === 'object' && value !== null && typeof (value as FixAllData).fixAll === 'string';
}

/** The fix-all action with its edit, or undefined when no safe fix changes the text. */
export function fixAllAction(uri: string, deps: CodeActionDeps): CodeAction | undefined {
  const document = deps.session.document(uri);
  if (!document) return undefined;
  const edit = fixAllEdit(deps.session, uri, deps.edits, deps.error);
  const workspaceEdit =
    edit &&
    toWorkspaceEdit(
      new Map([[uri, [edit]]]),
      (u) => (u === uri ? document.lines : undefined),
      deps.versionOf,
      deps.supportsDocumentChanges,
    );
  return workspaceEdit ? { title: fixAllTitle, kind: FixAllCodeActionKind, edit: workspaceEdit } : undefined;
}

/** Findings named by the request's diagnostics, or else under the requested range. */
function relevant(
  findings: readonly Finding[],
  params: CodeActionParams,
  document: ParsedDocument,
  deps: CodeActionDeps,
): { finding: Finding; diagnostic: Diagnostic }[] {
  const result: { finding: Finding; diagnostic: Diagnostic }[] = [];
  const taken = new Set<Finding>();
  for (const diagnostic of params.context.diagnostics) {
    if (diagnostic.source !== 'aisec' || !isDiagnosticData(diagnostic.data)) continue;
    const data = diagnostic.data;
    const finding = findings.find((f) => !taken.has(f) && sameFinding(data, diagnostic.range, f, document.lines));
    if (finding) {
      taken.add(finding);
      result.push({ finding, diagnostic });
    }
  }
  // Clients that send no diagnostics (or other ones): everything the range touches.
  for (const finding of findings) {
    if (taken.has(finding) || !overlaps(toRange(document.lines, finding.span), params.range)) continue;
    const diagnostic = toDiagnostic(
      finding,
      (u) => (u === document.uri ? document.lines : undefined),
      deps.docsBaseUrl,
    );
    if (!diagnostic) continue;
    taken.add(finding);
    result.push({ finding, diagnostic });
  }
  return result;
}

function findingActions(
  finding: Finding,
  diagnostic: Diagnostic,
  document: ParsedDocument,
  deps: CodeActionDeps,
): CodeAction[] {
  const actions: CodeAction[] = [];
  const linesOf = (uri: string) => deps.session.document(uri)?.lines;
  for (const fix of finding.fixes) {
    let realized;
    try {
      realized = deps.edits.realizeFix(fix, (u) => deps.session.document(u), { uris: sessionUris(deps.session) });
    } catch (error) {
      deps.error(`fix '${fix.title}' of ${finding.ruleId}`, error);
      continue;
    }
    // The edit module may refuse (a value it cannot express exactly): then there is no action, never a wrong one.
    const edit = realized && toWorkspaceEdit(realized.edits, linesOf, deps.versionOf, deps.supportsDocumentChanges);
    if (!realized || !edit) continue;
    const safe = fix.applicability === 'safe';
    actions.push({
      title: safe ? realized.title : `${realized.title} (unsafe)`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: safe && finding.kind === 'fail',
      edit,
    });
  }
  // Engine diagnostics (`aisec/…`: unused or expired suppressions, internal errors) are not rules: they can be
  // neither suppressed nor looked up.
  if (!hasDocs(finding.ruleId)) return actions;
  {
    try {
      const suppression = deps.edits.suppressionEdit(document, finding);
      const edit = toWorkspaceEdit(
        new Map([[document.uri, [suppression]]]),
        linesOf,
        deps.versionOf,
        deps.supportsDocumentChanges,
      );
      if (edit) {
        actions.push({
          title: `Suppress ${finding.ruleId} on this line`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit,
        });
      }
    } catch (error) {
      deps.error(`suppression comment for ${finding.ruleId}`, error);
    }
  }
  actions.push(...configActions(finding, diagnostic, deps));
  actions.push({
    title: `Show documentation for ${finding.ruleId}`,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    command: {
      title: `Show documentation for ${finding.ruleId}`,
      command: ShowDocumentationCommand,
      arguments: [finding.ruleId],
    },
  });
  return actions;
}

function overlaps(a: Range, b: Range): boolean {
  const before = (x: Range['start'], y: Range['start']) =>
    x.line < y.line || (x.line === y.line && x.character < y.character);
  return !before(a.end, b.start) && !before(b.end, a.start);
}

const configLevels: readonly { level: RuleLevel; title: (id: string) => string }[] = [
  { level: 'off', title: (id) => `Turn off ${id} in .aisec.json` },
  { level: 'warning', title: (id) => `Set ${id} to warning in .aisec.json` },
  { level: 'info', title: (id) => `Set ${id} to info in .aisec.json` },
];

/**
 * "Turn off <ID>" / "Set <ID> to warning|info" in the `.aisec.json` that governs the file: text edits made by
 * jsonc-parser (comments and formatting kept), or a CreateFile plus the new file's text when there is none
 * (only for clients that accept resource operations). Levels the file already sets are not offered.
 */
function configActions(finding: Finding, diagnostic: Diagnostic, deps: CodeActionDeps): CodeAction[] {
  if (!finding.uri.startsWith('file:')) return [];
  try {
    const root = deps.workspaceFolder?.startsWith('file:') ? fileURLToPath(deps.workspaceFolder) : undefined;
    const target = configTargetFor(fileURLToPath(finding.uri), root);
    if (!target) return [];
    const configUri = pathToFileURL(target.path).href;
    const current = target.text === undefined ? undefined : configuredLevel(target.text, finding.ruleId);
    const actions: CodeAction[] = [];
    for (const { level, title } of configLevels) {
      if (current === level) continue;
      let edit: WorkspaceEdit | undefined;
      if (target.text === undefined) {
        if (!deps.supportsDocumentChanges) continue;
        edit = {
          documentChanges: [
            { kind: 'create', uri: configUri, options: { ignoreIfExists: true } },
            {
              textDocument: { uri: configUri, version: null },
              edits: [
                {
                  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
                  newText: newConfigText(finding.ruleId, level),
                },
              ],
            },
          ],
        };
      } else {
        const edits = setRuleLevelEdits(target.text, finding.ruleId, level);
        if (!edits) return [];
        const lines = new LineIndex(target.text);
        edit = toWorkspaceEdit(
          new Map([[configUri, edits]]),
          (u) => (u === configUri ? lines : undefined),
          deps.versionOf,
          deps.supportsDocumentChanges,
        );
      }
      if (edit)
        actions.push({ title: title(finding.ruleId), kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit });
    }
    return actions;
  } catch (error) {
    deps.error(`.aisec.json actions for ${finding.ruleId}`, error);
    return [];
  }
}
