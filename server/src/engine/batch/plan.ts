// A batch scan (`aisec scan`, the server's first workspace scan): the workspace checked unit by unit, in
// jobs that read their own files and keep nothing of them, on worker threads when there are cores to spare.
// Memory stays that of the jobs in flight plus what each file leaves behind (findings, links, a summary),
// instead of every text and model of the workspace at once.
//
// The findings are those of one WorkspaceSession over the whole workspace:
//   1. every unit is analysed alone, suppliers first where the order can tell (parameter files, then
//      shallower paths), with the links the units analysed so far hand it;
//   2. a unit whose incoming links changed since (a supplier analysed later or again) is analysed again,
//      for a few rounds, as the session does;
//   3. units whose answers depend on each other (coupling.ts) are analysed and checked again together.
import { createHash } from 'node:crypto';
import type { TemplateLink } from '../../model/frontend';
import type { ResolvedConfig } from '../config';
import { coupledGroups, type UnitSummary } from '../coupling';
import { analysisOrder, groupUnits, MAX_LINK_ROUNDS, priority, type Unit } from '../units';
import { type FileReport, type JobOutput, uriOf } from './job';
import { PositionTables } from './positions';
import { createRunner, jobClass, type JobClass, type Slot } from './runner';
import { StringPool } from '../string-pool';
import { compareUris } from '../workspace-index';

export interface BatchOptions {
  readonly root?: string;
  readonly config?: ResolvedConfig;
  readonly today?: string;
  /** Write fixes as text edits (SARIF output). */
  readonly withFixes: boolean;
  /** Worker threads at most (a workspace of fewer than 40 units is checked in the scanning thread). */
  readonly threads: number;
  /** Where the positions findings use are gathered (several scans may share one); a new one by default. */
  readonly positions?: PositionTables;
  /** Also report each file's resources and quiet skips (FileReport; the language server's summary). */
  readonly withResources?: boolean;
  /**
   * Called as each job's reports come in, positions already added (the language server publishes them at
   * once). A file may be reported again later (re-analysed for changed links, or in a coupled group): the
   * last report is the final one. The caller then keeps what it wants: the result's `files` stays empty.
   */
  readonly onReports?: (reports: readonly FileReport[]) => void;
  /** Polled between jobs: true stops the scan (what has been reported stays reported). */
  readonly cancelled?: () => boolean;
  /**
   * Let the event loop run between jobs (the language server answers the editor meanwhile). Jobs that run
   * in this thread otherwise follow each other without a pause.
   */
  readonly yieldBetweenJobs?: boolean;
}

/** How the units of a scanned workspace hang together (the language server keeps it to know what an edit touches). */
export interface UnitGraph {
  readonly units: ReadonlyMap<string, Unit>;
  /** Unit id → ids of the units its links supply. */
  readonly supplies: ReadonlyMap<string, readonly string[]>;
  readonly summaries: ReadonlyMap<string, UnitSummary>;
}

export interface BatchResult {
  /** One report per file, by uri (none when `onReports` took them). */
  readonly files: ReadonlyMap<string, FileReport>;
  /** Positions of the offsets findings use (`options.positions` when given). */
  readonly positions: PositionTables;
  /** After a cancelled scan, links and summaries of the units analysed before the cancel only. */
  readonly graph: UnitGraph;
  /** How much work it took: analyses of single units, re-analyses for changed links, coupled groups. */
  readonly stats: {
    readonly units: number;
    readonly reanalysed: number;
    readonly groups: number;
    readonly grouped: number;
  };
}

/** Below this many units per worker, starting one costs more than it saves. */
const UNITS_PER_WORKER = 40;

interface UnitState {
  /** Signature of the incoming links the unit was last analysed with. */
  analysedWith: string;
  links: readonly TemplateLink[];
  summary: UnitSummary;
}

export async function batchScan(files: readonly string[], options: BatchOptions): Promise<BatchResult> {
  const uris = files.map(uriOf);
  const units = groupUnits(uris);
  const unitOfUri = new Map<string, string>();
  for (const unit of units.values()) for (const uri of unit.uris) unitOfUri.set(uri, unit.id);
  const workspaceUris = new Set(uris);

  const states = new Map<string, UnitState>();
  const reports = new Map<string, FileReport>();
  const positions = options.positions ?? new PositionTables();
  // Links by the unit they feed, then by supplying unit, kept current as units are (re-)analysed.
  const linksTo = new Map<string, Map<string, readonly TemplateLink[]>>();

  const incomingOf = (ids: ReadonlySet<string>): Map<string, Map<string, readonly TemplateLink[]>> => {
    const result = new Map<string, Map<string, readonly TemplateLink[]>>();
    for (const id of ids) {
      const bySupplier = linksTo.get(id);
      if (!bySupplier) continue;
      const outside = new Map([...bySupplier].filter(([supplier]) => !ids.has(supplier)));
      if (outside.size > 0) result.set(id, outside);
    }
    return result;
  };
  const signatureOf = (id: string): string => {
    const bySupplier = linksTo.get(id);
    if (!bySupplier || bySupplier.size === 0) return '';
    const text = JSON.stringify(
      [...bySupplier].sort(([a], [b]) => compareUris(a, b)),
      (_key, value: unknown) => (value instanceof Map ? [...value] : value),
    );
    // A digest: the links' text can be large, and one is kept per unit.
    return createHash('sha256').update(text).digest('base64');
  };
  // The reports of the whole workspace are kept until the scan ends: their repeated strings once each.
  const strings = new StringPool();
  const pooled = (file: FileReport): FileReport => ({
    ...file,
    uri: strings.intern(file.uri),
    findings: file.findings.map((finding) => strings.finding(finding)),
  });
  const record = (output: JobOutput, signatures: ReadonlyMap<string, string>): void => {
    for (const unit of output.units) {
      for (const link of states.get(unit.id)?.links ?? []) linksTo.get(link.templateUri)?.delete(unit.id);
      // The job kept only the links that feed another unit of this scan (linksToUnits).
      for (const link of unit.links) {
        const bySupplier =
          linksTo.get(link.templateUri) ?? linksTo.set(link.templateUri, new Map()).get(link.templateUri)!;
        bySupplier.set(unit.id, [...(bySupplier.get(unit.id) ?? []), link]);
      }
      states.set(unit.id, { analysedWith: signatures.get(unit.id) ?? '', links: unit.links, summary: unit.summary });
    }
    positions.add(output.positions);
    if (options.onReports) options.onReports(output.files);
    else for (const file of output.files) reports.set(file.uri, pooled(file));
  };
  const cancelled = (): boolean => options.cancelled?.() === true;

  // A worker costs ~0.1 s to start (and load the Terraform grammar): small workspaces stay in this thread.
  // Lanes pay when each has work enough to be worth a worker.
  const armUnits = [...units.values()].filter((unit) => unit.kind === 'arm').length;
  const mixed = Math.min(armUnits, units.size - armUnits) >= UNITS_PER_WORKER;
  const workers =
    units.size < UNITS_PER_WORKER ? 0 : Math.min(options.threads, Math.ceil(units.size / UNITS_PER_WORKER));
  const runner = createRunner(
    workers,
    {
      workspaceUris,
      root: options.root,
      config: options.config,
      today: options.today,
      withFixes: options.withFixes,
      withResources: options.withResources,
    },
    mixed,
  );
  /**
   * Runs jobs (groups of units) with as many in flight as the runner has slots, each with the links known
   * when it starts. A slot takes the earliest job left of the classes it prefers, else of the others it
   * takes (so an ARM lane and a Terraform lane each work through their own kind, then help with what
   * remains; a slot that prefers every class keeps the order given, suppliers first).
   */
  const runAll = async (jobs: readonly (readonly Unit[])[]): Promise<void> => {
    const queues = new Map<JobClass, { readonly job: readonly Unit[]; readonly order: number }[]>();
    jobs.forEach((job, order) => {
      const kind = jobClass(job);
      (queues.get(kind) ?? queues.set(kind, []).get(kind)!).push({ job, order });
    });
    const heads = new Map<JobClass, number>();
    const earliest = (kinds: readonly JobClass[]): readonly Unit[] | undefined => {
      let best: JobClass | undefined;
      let bestOrder = Infinity;
      for (const kind of kinds) {
        const next = queues.get(kind)?.[heads.get(kind) ?? 0];
        if (next && next.order < bestOrder) [best, bestOrder] = [kind, next.order];
      }
      if (best === undefined) return undefined;
      const head = heads.get(best) ?? 0;
      heads.set(best, head + 1);
      return queues.get(best)![head].job;
    };
    const nextFor = (slot: Slot): readonly Unit[] | undefined => earliest(slot.prefers) ?? earliest(slot.takes);
    const lane = async (slot: Slot, index: number): Promise<void> => {
      for (let job = nextFor(slot); job && !cancelled(); job = nextFor(slot)) {
        const ids = new Set(job.map((unit) => unit.id));
        const signatures = new Map(job.map((unit) => [unit.id, signatureOf(unit.id)]));
        const output = await runner.run({ units: job, incoming: incomingOf(ids) }, index);
        record(output, signatures);
        if (options.yieldBetweenJobs) await new Promise<void>((resolve) => setImmediate(resolve));
      }
    };
    await Promise.all(runner.slots.map(lane));
  };

  let reanalysed = 0;
  let grouped = 0;
  let groups: string[][] = [];
  try {
    const order = analysisOrder(units.values());
    // Parameter files first, all of them: they only supply, and everything else may want their values.
    await runAll(order.filter((unit) => priority(unit) === 0).map((unit) => [unit]));
    await runAll(order.filter((unit) => priority(unit) !== 0).map((unit) => [unit]));
    for (let round = 0; round < MAX_LINK_ROUNDS && !cancelled(); round++) {
      const stale = order.filter((unit) => signatureOf(unit.id) !== states.get(unit.id)?.analysedWith);
      if (stale.length === 0) break;
      reanalysed += stale.length;
      await runAll(stale.map((unit) => [unit]));
    }
    groups = coupledGroups(new Map([...states].map(([id, state]) => [id, state.summary])), (uri) => unitOfUri.get(uri));
    grouped = groups.reduce((sum, group) => sum + group.length, 0);
    await runAll(groups.map((group) => group.map((id) => units.get(id)!)));
  } finally {
    await runner.close();
  }
  const graph: UnitGraph = {
    units,
    supplies: new Map([...states].map(([id, state]) => [id, [...new Set(state.links.map((l) => l.templateUri))]])),
    summaries: new Map([...states].map(([id, state]) => [id, state.summary])),
  };
  return {
    files: reports,
    positions,
    graph,
    stats: { units: units.size, reanalysed, groups: groups.length, grouped },
  };
}
