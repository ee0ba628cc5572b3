// One job of a batch scan, run in a worker thread or in the scanning thread: read a few units' files from
// disk, analyse them in a WorkspaceSession of their own (links from the rest of the workspace passed in),
// check them, and hand back what outlives the documents: findings with positions and, when asked, fixes
// already written as text edits; syntax problems; the links and coupling summaries the plan needs. Nothing
// of the parsed documents is kept, so a worker's memory is that of the job at hand.
import { pathToFileURL, fileURLToPath } from 'node:url';
import { fixToTextEdits } from '../../edit';
import type { TemplateLink } from '../../model/frontend';
import type { Position, Span } from '../../model/span';
import type { ResolvedConfig } from '../config';
import { summariseUnit, type UnitSummary } from '../coupling';
import { readCandidate } from '../discovery';
import type { Finding } from '../finding';
import { WorkspaceSession } from '../session';
import { groupUnits, type Unit } from '../units';

/** What every job of one scan shares (sent to a worker once, when it starts). */
export interface ScanContext {
  /** Uris of every file of the workspace (a generated template's `.bicep` source may be in another job). */
  readonly workspaceUris: ReadonlySet<string>;
  readonly root?: string;
  readonly config?: ResolvedConfig;
  readonly today?: string;
  /** Write fixes as text edits (SARIF) before the documents go. */
  readonly withFixes: boolean;
}

export interface JobInput {
  readonly units: readonly Unit[];
  /** Links from units outside the job: target unit id → supplying unit id → links. */
  readonly incoming: ReadonlyMap<string, ReadonlyMap<string, readonly TemplateLink[]>>;
}

export interface FileReport {
  readonly uri: string;
  /** Why the file was not analysed (unreadable, too large, binary, not a template). */
  readonly skipped?: string;
  /** Findings that no longer need their documents: fixes carry their text edits (or none). */
  readonly findings: readonly Finding[];
  readonly syntaxProblems: readonly { readonly span: Span; readonly message: string }[];
}

export interface UnitReport {
  readonly id: string;
  /** The links the unit's analysis produced to other units of the workspace (see linksToUnits). */
  readonly links: readonly TemplateLink[];
  readonly summary: UnitSummary;
}

export interface JobOutput {
  readonly units: readonly UnitReport[];
  readonly files: readonly FileReport[];
  /**
   * Line/character of the offsets the findings and syntax problems use, by uri, for the files this job read
   * (a related location in a file of another job is looked up later, from disk).
   */
  readonly positions: ReadonlyMap<string, ReadonlyMap<number, Position>>;
}

export async function runJob(context: ScanContext, job: JobInput): Promise<JobOutput> {
  const session = await WorkspaceSession.create({
    root: context.root,
    config: context.config,
    today: context.today,
    keepSyntax: context.withFixes,
    outside: { links: job.incoming, hasFile: (uri) => context.workspaceUris.has(uri) },
  });
  const unreadable = new Map<string, string>();
  for (const unit of job.units) {
    for (const uri of unit.uris) {
      const candidate = readCandidate(fileURLToPath(uri));
      if (candidate.text === undefined) unreadable.set(uri, candidate.skipped ?? 'unreadable');
      else session.setFile(uri, candidate.text);
    }
  }
  const uris = job.units.flatMap((unit) => unit.uris).filter((uri) => !unreadable.has(uri));
  const checked = uris.length > 0 ? session.check(uris) : new Map<string, Finding[]>();
  const produced = uris.length > 0 ? session.producedLinks() : new Map<string, readonly TemplateLink[]>();

  const units = job.units.map((unit): UnitReport => {
    const documents = unit.uris.flatMap((uri) => session.document(uri) ?? []);
    const links = linksToUnits(unit.id, produced.get(unit.id) ?? [], context.workspaceUris);
    return { id: unit.id, links, summary: summariseUnit(new Set(unit.uris), documents) };
  });

  // Offsets findings point at, by file: turned into positions while the texts are here.
  const offsets = new Map<string, Set<number>>();
  const note = (uri: string, span: Span): void => {
    const set = offsets.get(uri) ?? offsets.set(uri, new Set()).get(uri)!;
    set.add(span.start);
    set.add(Math.max(span.end, span.start));
  };
  const files: {
    uri: string;
    skipped?: string;
    findings: Finding[];
    syntaxProblems: FileReport['syntaxProblems'];
  }[] = [];
  for (const unit of job.units) {
    for (const uri of unit.uris) {
      const reason = unreadable.get(uri);
      if (reason !== undefined) {
        files.push({ uri, skipped: reason, findings: [], syntaxProblems: [] });
        continue;
      }
      const document = session.document(uri);
      if (document?.skipped !== undefined) {
        files.push({ uri, skipped: document.skipped, findings: [], syntaxProblems: [] });
        continue;
      }
      const findings = (checked.get(uri) ?? []).map((finding) => detach(finding, session, context.withFixes));
      for (const finding of findings) {
        note(finding.uri, finding.span);
        for (const related of finding.related) note(related.uri, related.span);
        if (finding.suppression) note(finding.suppression.uri, finding.suppression.span);
        for (const fix of finding.fixes) {
          for (const [editUri, edits] of fix.textEdits ?? []) for (const edit of edits) note(editUri, edit.span);
        }
      }
      const syntaxProblems = (document?.syntaxProblems ?? []).map((p) => ({ span: p.span, message: p.message }));
      for (const problem of syntaxProblems) note(uri, problem.span);
      files.push({ uri, findings, syntaxProblems });
    }
  }
  const positions = new Map<string, Map<number, Position>>();
  for (const [uri, wanted] of offsets) {
    const lines = session.document(uri)?.lines;
    if (!lines || lines.text === '') continue;
    positions.set(uri, new Map([...wanted].map((offset) => [offset, lines.positionAt(offset)])));
  }
  return { units, files, positions };
}

/** Unit ids of the whole workspace, computed once per scan (a worker gets the same set for every job). */
const unitIdsByWorkspace = new WeakMap<ReadonlySet<string>, ReadonlySet<string>>();

/**
 * The links the plan keeps: those that feed another unit of the workspace. Links to a registry module or to
 * a directory outside the scan feed nothing, yet they are most of the bytes a job posts back (their values
 * are whole object trees), so they are dropped before the output is copied to the scanning thread.
 */
function linksToUnits(
  unitId: string,
  links: readonly TemplateLink[],
  workspaceUris: ReadonlySet<string>,
): readonly TemplateLink[] {
  if (links.length === 0) return links;
  let unitIds = unitIdsByWorkspace.get(workspaceUris);
  if (!unitIds) {
    unitIds = new Set(groupUnits(workspaceUris).keys());
    unitIdsByWorkspace.set(workspaceUris, unitIds);
  }
  const ids = unitIds;
  return links.filter((link) => link.templateUri !== unitId && ids.has(link.templateUri));
}

/** The finding without references into the model: fixes as text edits when asked, else titles only. */
function detach(finding: Finding, session: WorkspaceSession, withFixes: boolean): Finding {
  const fixes = finding.fixes.map((fix) => {
    let textEdits: Map<string, { span: Span; newText: string }[]> | undefined;
    if (withFixes) {
      try {
        textEdits = fixToTextEdits(fix, (uri) => session.document(uri));
      } catch {
        textEdits = new Map(); // a fix that cannot be written is not offered
      }
    }
    return { title: fix.title, applicability: fix.applicability, edits: [], ...(textEdits ? { textEdits } : {}) };
  });
  return { ...finding, fixes };
}

export function uriOf(file: string): string {
  return pathToFileURL(file).href;
}
