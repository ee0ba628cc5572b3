// One job of a batch scan, run in a worker thread or in the scanning thread: read a few units' files from
// disk, analyse them in a WorkspaceSession of their own (links from the rest of the workspace passed in),
// check them, and hand back what outlives the documents: findings with positions and, when asked, fixes
// already written as text edits; syntax problems; the links and coupling summaries the plan needs. Nothing
// of the parsed documents is kept, so a worker's memory is that of the job at hand.
import { pathToFileURL, fileURLToPath } from 'node:url';
import { fixToTextEdits } from '../../edit';
import type { TemplateLink } from '../../model/frontend';
import type { ParsedDocument } from '../../model/document';
import type { Position, Span } from '../../model/span';
import { configLookup, type ResolvedConfig } from '../config';
import { summariseUnit, type UnitSummary } from '../coupling';
import { readCandidate } from '../discovery';
import { initFrontEnds, withoutFrontEndCaches } from '../frontends';
import type { Finding } from '../finding';
import { skipNotice, WorkspaceSession } from '../session';
import { groupUnits, type Unit } from '../units';
import { OffsetsInUse } from './positions';

/** What every job of one scan shares (sent to a worker once, when it starts). */
export interface ScanContext {
  /** Uris of every file of the workspace (a generated template's `.bicep` source may be in another job). */
  readonly workspaceUris: ReadonlySet<string>;
  readonly root?: string;
  readonly config?: ResolvedConfig;
  readonly today?: string;
  /** Write fixes as text edits (SARIF) before the documents go. */
  readonly withFixes: boolean;
  /** Also hand back each file's resources and whether a skip is worth telling (the language server's summary). */
  readonly withResources?: boolean;
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
  /** With `withResources`: the resources the file declares (for posture counts). */
  readonly resources?: readonly ResourceFacts[];
  /** With `withResources`: the skip is not worth a notice (JSON that is no ARM file at all). */
  readonly quiet?: boolean;
}

/** What a workspace summary needs of a resource. */
export interface ResourceFacts {
  readonly key: string;
  readonly type: string;
  readonly existing: boolean;
}

export interface UnitReport {
  readonly id: string;
  /** The links the unit's analysis produced to other units of the workspace, and no others (linksToUnits). */
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

/** One configuration lookup per scan, shared by its jobs (in a worker, the context is that of its scan). */
const configLookups = new WeakMap<ScanContext, (file: string) => ResolvedConfig>();

export async function runJob(context: ScanContext, job: JobInput): Promise<JobOutput> {
  let configFor = configLookups.get(context);
  if (!configFor) configLookups.set(context, (configFor = configLookup()));
  // Only a job with Terraform waits for the grammar (a worker whose lane takes Terraform starts loading it as
  // it starts, worker.ts): the ARM lane (runner.ts) never holds tree-sitter's WebAssembly memory (~16 MB).
  if (job.units.some((unit) => unit.kind === 'terraform')) await initFrontEnds();
  const session = new WorkspaceSession({
    root: context.root,
    config: context.config,
    configFor,
    today: context.today,
    keepSyntax: context.withFixes,
    outside: { links: job.incoming, hasFile: (uri) => context.workspaceUris.has(uri) },
  });
  // The rest runs at once, without the front-end caches: a job reads each file once (and in the language
  // server's thread must leave the editor's cached trees as they are).
  return withoutFrontEndCaches(() => checkJob(context, job, session));
}

function checkJob(context: ScanContext, job: JobInput, session: WorkspaceSession): JobOutput {
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
  const offsets = new OffsetsInUse();
  const files: FileReport[] = [];
  for (const unit of job.units) {
    for (const uri of unit.uris) {
      const reason = unreadable.get(uri);
      if (reason !== undefined) {
        // Too large or binary: the editor stays quiet about such files (the CLI lists them).
        const quiet = context.withResources ? { quiet: true } : {};
        files.push({ uri, skipped: reason, findings: [], syntaxProblems: [], ...quiet });
        continue;
      }
      const document = session.document(uri);
      if (document?.skipped !== undefined) {
        const quiet = context.withResources && !skipNotice(document) ? { quiet: true } : {};
        files.push({ uri, skipped: document.skipped, findings: [], syntaxProblems: [], ...quiet });
        continue;
      }
      const findings: Finding[] = [];
      for (const finding of checked.get(uri) ?? []) {
        const detached = detach(finding, session, context.withFixes);
        offsets.finding(detached);
        findings.push(detached);
      }
      const syntaxProblems = (document?.syntaxProblems ?? []).map((p) => ({ span: p.span, message: p.message }));
      for (const problem of syntaxProblems) offsets.span(uri, problem.span);
      const resources = context.withResources ? { resources: resourceFacts(document) } : {};
      files.push({ uri, findings, syntaxProblems, ...resources });
    }
  }
  return { units, files, positions: offsets.positions((uri) => session.document(uri)?.lines) };
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
  if (!withFixes) return withFixTitlesOnly(finding);
  const fixes = finding.fixes.map((fix) => {
    let textEdits: Map<string, { span: Span; newText: string }[]>;
    try {
      textEdits = fixToTextEdits(fix, (uri) => session.document(uri));
    } catch {
      textEdits = new Map(); // a fix that cannot be written is not offered
    }
    return { title: fix.title, applicability: fix.applicability, edits: [], textEdits };
  });
  return { ...finding, fixes };
}

/** The finding with its fixes' titles only: nothing that holds on to a parsed document. */
export function withFixTitlesOnly(finding: Finding): Finding {
  return {
    ...finding,
    fixes: finding.fixes.map((fix) => ({ title: fix.title, applicability: fix.applicability, edits: [] })),
  };
}

export function resourceFacts(document: ParsedDocument | undefined): ResourceFacts[] {
  return (document?.resources ?? []).map((r) => ({ key: r.key, type: r.type, existing: r.existing === true }));
}

export function uriOf(file: string): string {
  return pathToFileURL(file).href;
}
