// A workspace in memory: files in, findings out. Used by the CLI (one session per scanned directory) and
// the language server (one per workspace folder, files replaced as the user types).
//
// Analysis runs in units: a Bicep file, a .bicepparam, an ARM JSON file, or all .tf/.tfvars of one
// directory (a Terraform module). Units hand values to other units through links (module calls,
// .bicepparam `using`, ARM parameter files, tfvars, Terraform module blocks). Units are analysed suppliers
// first where the order can tell (parameter files, then callers before deeper modules) with the links known
// so far, and again when their incoming links change, so a value flows through several hops
// (main.bicepparam → main.bicep → module) and most units are analysed once. Results are cached per unit by
// text version and suppliers, so an edit re-analyses only what it touches.
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { ParsedDocument } from '../model/document';
import type { FrontEndResult, TemplateLink } from '../model/frontend';
import { ConfigError, configLookup, DEFAULT_CONFIG, isConfigUri, type ResolvedConfig } from './config';
import { bicepSourceOf, isBicepGenerated } from './generated';
import { engineFinding } from './engine-findings';
import { isExcluded } from './exclude';
import type { Finding } from './finding';
import { initFrontEnds } from './frontends';
import { runRules } from './run-rules';
import { applySuppressions } from './apply-suppressions';
import {
  analyseFiles,
  analysisOrder,
  directoryUri,
  dropSyntax,
  fileKind,
  groupUnits,
  MAX_LINK_ROUNDS,
  skipGenerated,
  unitIdOf,
  type Unit,
} from './units';
import { WorkspaceIndex } from './workspace-index';

export { contentSkipReason, directoryUri, fileKind, MAX_FILE_BYTES, skipNotice, type FileKind } from './units';

interface FileEntry {
  readonly text: string;
  readonly version: number;
}

interface UnitResult {
  readonly signature: string;
  readonly suppliers: readonly TemplateLink[];
  readonly result: FrontEndResult;
  /** Per file: why the front end failed on it. */
  readonly failures: ReadonlyMap<string, string>;
}

interface Analysis {
  readonly generation: number;
  readonly documents: ReadonlyMap<string, ParsedDocument>;
  readonly failures: ReadonlyMap<string, string>;
  readonly index: WorkspaceIndex;
  readonly units: ReadonlyMap<string, Unit>;
  readonly unitOf: ReadonlyMap<string, string>;
  /** Unit id → ids of units it supplies, and the reverse. */
  readonly supplies: ReadonlyMap<string, ReadonlySet<string>>;
  readonly suppliedBy: ReadonlyMap<string, ReadonlySet<string>>;
  /** Unit id → the links its analysis produced. */
  readonly links: ReadonlyMap<string, readonly TemplateLink[]>;
}

export interface SessionOptions {
  /** The workspace root (a path): configuration is looked up from files under it. */
  readonly root?: string;
  /** One configuration for every file; by default the nearest `.aisec.json` of each file. */
  readonly config?: ResolvedConfig;
  /**
   * How a file's configuration is found when `config` is not given (default: a configLookup for each new
   * generation). A batch scan passes one configLookup for all its jobs.
   */
  readonly configFor?: (file: string) => ResolvedConfig;
  /** `YYYY-MM-DD` against which suppression `until` dates are judged (default: today, UTC). */
  readonly today?: string;
  /**
   * Keep the front ends' syntax handles (`Resource.syntax`) that `edit/` needs to turn fixes into text edits
   * (default true). A scan that reports without fixes passes false: the handles are dropped as soon as a unit
   * is analysed, which halves the memory a large workspace holds.
   */
  readonly keepSyntax?: boolean;
  /**
   * A part of a larger workspace (batch scans): links other parts supply to this session's units, by the
   * unit they feed and then by the supplying unit's id (they join the session's own links, in supplier id
   * order), and whether a file exists in the whole workspace (a generated template's `.bicep` source).
   */
  readonly outside?: {
    readonly links: ReadonlyMap<string, ReadonlyMap<string, readonly TemplateLink[]>>;
    readonly hasFile: (uri: string) => boolean;
  };
}

export class WorkspaceSession {
  private readonly files = new Map<string, FileEntry>();
  private version = 0;
  private generation = 0;
  /** Last analysis of each unit, reused while its text and its suppliers' links are unchanged. */
  private readonly results = new Map<string, UnitResult>();
  private analysis: Analysis | undefined;
  private readonly findingsCache = new Map<string, { generation: number; findings: Finding[] }>();
  /** The configuration lookup of the current generation (configForFile). */
  private configLookup: ((file: string) => ResolvedConfig) | undefined;
  private configGeneration = -1;

  constructor(private readonly options: SessionOptions = {}) {}

  /** A session whose Terraform front end is ready (loads the WebAssembly grammar once per process). */
  static async create(options: SessionOptions = {}): Promise<WorkspaceSession> {
    await initFrontEnds();
    return new WorkspaceSession(options);
  }

  get root(): string | undefined {
    return this.options.root;
  }

  setFile(uri: string, text: string): void {
    if (this.files.get(uri)?.text === text) return;
    this.files.set(uri, { text, version: ++this.version });
    this.generation++;
  }

  deleteFile(uri: string): void {
    if (this.files.delete(uri)) this.generation++;
  }

  hasFile(uri: string): boolean {
    return this.files.has(uri);
  }

  uris(): string[] {
    return [...this.files.keys()];
  }

  document(uri: string): ParsedDocument | undefined {
    return this.analyse().documents.get(uri);
  }

  documents(): ParsedDocument[] {
    return [...this.analyse().documents.values()];
  }

  /** The index rules see (for tools that want to ask it directly). */
  workspace(): WorkspaceIndex {
    return this.analyse().index;
  }

  /** The links each unit's analysis produced, by unit id (batch scans pass them between parts). */
  producedLinks(): ReadonlyMap<string, readonly TemplateLink[]> {
    return this.analyse().links;
  }

  affectedBy(uri: string): string[] {
    const analysis = this.analyse();
    if (isConfigUri(uri)) {
      const dir = directoryUri(uri);
      return [...analysis.documents.keys()].filter((u) => u.startsWith(`${dir}/`));
    }
    const start = analysis.unitOf.get(uri) ?? unitIdOf(uri);
    // Every unit connected to this one through links, in either direction.
    const units = new Set<string>([start]);
    const queue = [start];
    while (queue.length > 0) {
      const unit = queue.pop()!;
      for (const next of [...(analysis.supplies.get(unit) ?? []), ...(analysis.suppliedBy.get(unit) ?? [])]) {
        if (!units.has(next)) {
          units.add(next);
          queue.push(next);
        }
      }
    }
    const result = new Set<string>([uri]);
    for (const unit of units) for (const u of analysis.units.get(unit)?.uris ?? []) result.add(u);
    // A template generated from this Bicep file is skipped or checked as the source comes and goes.
    if (fileKind(uri) === 'bicep') result.add(uri.replace(/\.bicep$/i, '.json'));
    // Plus documents whose resources refer to (or are referred to by) resources of those files.
    for (const u of [...result]) for (const related of analysis.index.relatedDocuments(u)) result.add(related);
    return [...result].filter((u) => u === uri || analysis.documents.has(u));
  }

  check(uris?: readonly string[]): Map<string, Finding[]> {
    const analysis = this.analyse();
    const wanted = uris ?? [...analysis.documents.keys()];
    const result = new Map<string, Finding[]>();
    for (const uri of wanted) {
      const cached = this.findingsCache.get(uri);
      if (cached && cached.generation === analysis.generation) {
        result.set(uri, cached.findings);
        continue;
      }
      const findings = this.checkOne(uri, analysis);
      this.findingsCache.set(uri, { generation: analysis.generation, findings });
      result.set(uri, findings);
    }
    // Findings about another file (an invalid .aisec.json) are listed under that file's uri, once.
    for (const [uri, findings] of [...result]) {
      const elsewhere = findings.filter((f) => f.uri !== uri);
      if (elsewhere.length === 0) continue;
      result.set(
        uri,
        findings.filter((f) => f.uri === uri),
      );
      for (const finding of elsewhere) {
        const list = result.get(finding.uri) ?? [];
        if (!list.some((f) => f.ruleId === finding.ruleId && f.message === finding.message)) list.push(finding);
        result.set(finding.uri, list);
      }
    }
    return result;
  }

  /** The configuration for a file (fixed by the options, or the nearest `.aisec.json`). */
  configFor(uri: string): ResolvedConfig {
    return this.options.config ?? this.configForFile(filePath(uri));
  }

  /** configFor with the uri's path already known (checkOne needs the path too: one conversion per file). */
  private configForFile(file: string | undefined): ResolvedConfig {
    if (this.options.config) return this.options.config;
    if (!file) return DEFAULT_CONFIG;
    if (this.options.configFor) return this.options.configFor(file);
    // One lookup per generation: `.aisec.json` files reach the session through setFile, so a change of one
    // starts a new generation.
    if (!this.configLookup || this.configGeneration !== this.generation) {
      this.configLookup = configLookup();
      this.configGeneration = this.generation;
    }
    return this.configLookup(file);
  }

  private checkOne(uri: string, analysis: Analysis): Finding[] {
    const document = analysis.documents.get(uri);
    if (!document) return [];
    let config: ResolvedConfig;
    const extra: Finding[] = [];
    const file = filePath(uri);
    try {
      config = this.configForFile(file);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      config = DEFAULT_CONFIG;
      extra.push(
        engineFinding(
          'aisec/config-error',
          pathToUri(error.file),
          { start: 0, end: 0 },
          {
            message: `${error.message.split('\n').slice(1).join('; ').trim()} (defaults are used)`,
          },
        ),
      );
    }
    if (file && isExcluded(file, config)) return [];
    const failure = analysis.failures.get(uri);
    if (failure) {
      extra.push(
        engineFinding(
          'aisec/internal-error',
          uri,
          { start: 0, end: 0 },
          {
            message: `aisec could not analyse this file (please report it): ${failure}`,
          },
        ),
      );
    }
    const findings = [...runRules(document, analysis.index, config), ...extra];
    return applySuppressions(document, findings, config, this.options.today).sort(byPositionThenRule);
  }

  // -------------------------------------------------------------------------------------------------------
  // Analysis
  // -------------------------------------------------------------------------------------------------------

  private analyse(): Analysis {
    if (this.analysis && this.analysis.generation === this.generation) return this.analysis;
    const units = this.units();
    const unitOf = new Map<string, string>();
    for (const unit of units.values()) for (const uri of unit.uris) unitOf.set(uri, unit.id);

    // Suppliers first: each unit is analysed with the links other units have produced so far, in an order
    // where suppliers usually come first (parameter files, then shallower paths: callers before modules).
    // A unit whose incoming links change afterwards (a supplier analysed later, or re-analysed with values
    // of its own suppliers) is analysed again, until nothing changes; cycles stop after a few rounds.
    const order = analysisOrder(units.values());
    const final = new Map<string, UnitResult>();
    // Links by the unit they feed (target → supplier id → its links there), kept up to date as units are
    // (re-)analysed, so finding a unit's incoming links costs its own suppliers, not the whole workspace.
    const linksTo = new Map<string, Map<string, TemplateLink[]>>();
    const record = (id: string, unitResult: UnitResult): void => {
      for (const link of final.get(id)?.result.links ?? []) linksTo.get(link.templateUri)?.delete(id);
      final.set(id, unitResult);
      for (const link of unitResult.result.links) {
        if (link.templateUri === id) continue;
        const bySupplier =
          linksTo.get(link.templateUri) ?? linksTo.set(link.templateUri, new Map()).get(link.templateUri)!;
        (bySupplier.get(id) ?? bySupplier.set(id, []).get(id)!).push(link);
      }
    };
    const outside = this.options.outside?.links;
    const incoming = (id: string): TemplateLink[] => {
      const bySupplier = linksTo.get(id);
      const fromOutside = outside?.get(id);
      if ((!bySupplier || bySupplier.size === 0) && !fromOutside) return [];
      return [...(bySupplier ?? []), ...(fromOutside ?? [])]
        .sort(([a], [b]) => a.localeCompare(b))
        .flatMap(([, links]) => links);
    };
    const sameLinks = (a: readonly TemplateLink[], b: readonly TemplateLink[]) =>
      a.length === b.length && a.every((link, i) => link === b[i]);
    for (const unit of order) record(unit.id, this.analyseUnit(unit, incoming(unit.id)));
    for (let round = 0; round < MAX_LINK_ROUNDS; round++) {
      let changed = false;
      for (const unit of order) {
        const links = incoming(unit.id);
        if (sameLinks(links, final.get(unit.id)!.suppliers)) continue;
        record(unit.id, this.analyseUnit(unit, links));
        changed = true;
      }
      if (!changed) break;
    }
    const supplies = new Map<string, Set<string>>();
    const suppliedBy = new Map<string, Set<string>>();
    for (const [id, unitResult] of final) {
      for (const link of unitResult.result.links) {
        const target = units.has(link.templateUri) ? link.templateUri : undefined;
        if (!target || target === id) continue;
        (supplies.get(id) ?? supplies.set(id, new Set()).get(id)!).add(target);
        (suppliedBy.get(target) ?? suppliedBy.set(target, new Set()).get(target)!).add(id);
      }
    }

    const documents = new Map<string, ParsedDocument>();
    const failures = new Map<string, string>();
    for (const unitResult of final.values()) {
      for (const document of unitResult.result.documents) documents.set(document.uri, document);
      for (const [uri, message] of unitResult.failures) failures.set(uri, message);
    }
    // Forget cached units that no longer exist.
    for (const id of this.results.keys()) if (!units.has(id)) this.results.delete(id);
    for (const uri of this.findingsCache.keys()) if (!documents.has(uri)) this.findingsCache.delete(uri);

    this.analysis = {
      generation: this.generation,
      documents,
      failures,
      index: new WorkspaceIndex([...documents.values()]),
      units,
      unitOf,
      supplies,
      suppliedBy,
      links: new Map([...final].map(([id, unitResult]) => [id, unitResult.result.links])),
    };
    return this.analysis;
  }

  private units(): Map<string, Unit> {
    return groupUnits(this.files.keys());
  }

  /** The `.bicep` source of a Bicep-generated ARM unit when it is in the workspace and the config skips it. */
  private generatedFrom(unit: Unit): string | undefined {
    if (unit.kind !== 'arm' || unit.uris.length !== 1) return undefined;
    const uri = unit.uris[0];
    const source = bicepSourceOf(uri);
    if (!source || !this.hasFileAnywhere(source) || !this.configFor(uri).skipBicepGeneratedArm) return undefined;
    return isBicepGenerated(this.files.get(uri)!.text) ? source : undefined;
  }

  private hasFileAnywhere(uri: string): boolean {
    return this.files.has(uri) || (this.options.outside?.hasFile(uri) ?? false);
  }

  private analyseUnit(unit: Unit, suppliers: readonly TemplateLink[]): UnitResult {
    const cache = this.results;
    const generatedFrom = this.generatedFrom(unit);
    const signature =
      unit.uris.map((uri) => `${uri}@${this.files.get(uri)?.version}`).join('|') +
      (generatedFrom ? `|generated:${generatedFrom}` : '');
    const cached = cache.get(unit.id);
    if (
      cached &&
      cached.signature === signature &&
      cached.suppliers.length === suppliers.length &&
      cached.suppliers.every((link, i) => link === suppliers[i])
    ) {
      return cached;
    }
    const result = generatedFrom
      ? skipGenerated(unit, generatedFrom)
      : analyseFiles(
          unit,
          unit.uris.map((uri) => ({ uri, text: this.files.get(uri)!.text })),
          suppliers.map((l) => l.supplier),
        );
    if (this.options.keepSyntax === false) dropSyntax(result.result);
    const unitResult = { signature, suppliers, ...result };
    cache.set(unit.id, unitResult);
    return unitResult;
  }
}

function filePath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function pathToUri(file: string): string {
  return pathToFileURL(file).href;
}

/**
 * Findings in document order, then by rule. A module function: V8 keeps a per-call closure's optimized code
 * only while one of its closures is alive, and the scan worker compiled this comparator ~20 times.
 */
function byPositionThenRule(a: Finding, b: Finding): number {
  return a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId);
}
