// Which files the editor's session must hold so that an open file gets the findings a whole-workspace
// session would give it: the units linked with its unit (module calls, parameter files, tfvars; either
// direction, transitively) and the units coupled with it (engine/coupling.ts: a literal name or uri one unit
// wants and another offers), closed under both. Everything else of the workspace stays on disk, with the
// findings the workspace scan reported for it.
//
// The graph starts as the workspace scan's (batch/plan.ts UnitGraph) and follows the session: whenever the
// session analyses a unit again, its supplies and summary are replaced (`update`).
import { fileKind } from '../engine/session';
import { unitIdOf } from '../engine/units';
import type { UnitSummary } from '../engine/coupling';
import type { UnitGraph } from '../engine/batch/plan';
import type { StringPool } from '../engine/string-pool';

const noSummary: UnitSummary = { offers: [], wants: [], wantsUris: [] };

export class UnitNeighbourhoods {
  /** Unit id → its files. */
  private readonly units = new Map<string, Set<string>>();
  private readonly unitOfUri = new Map<string, string>();
  private readonly supplies = new Map<string, readonly string[]>();
  private readonly suppliedBy = new Map<string, Set<string>>();
  private readonly summaries = new Map<string, UnitSummary>();
  /** Reverse indexes of the summaries: which units offer / want a `type|name` key, which want a file. */
  private readonly offeredBy = new Map<string, Set<string>>();
  private readonly wantedBy = new Map<string, Set<string>>();
  private readonly uriWantedBy = new Map<string, Set<string>>();

  /** A graph of units without edges (before a scan has linked them): Terraform files still come by module. */
  static ofFiles(uris: Iterable<string>): UnitNeighbourhoods {
    const graph = new UnitNeighbourhoods();
    for (const uri of uris) graph.addFile(uri);
    return graph;
  }

  /** The scan's graph; `strings` keeps one copy of the names summaries repeat across units. */
  static ofScan(graph: UnitGraph, strings?: StringPool): UnitNeighbourhoods {
    const result = new UnitNeighbourhoods();
    for (const unit of graph.units.values()) for (const uri of unit.uris) result.addFile(uri);
    const pooled = (keys: readonly string[]) => (strings ? keys.map((key) => strings.intern(key)) : keys);
    for (const id of graph.units.keys()) {
      const summary = graph.summaries.get(id) ?? noSummary;
      result.update(id, graph.supplies.get(id) ?? [], {
        offers: pooled(summary.offers),
        wants: pooled(summary.wants),
        wantsUris: pooled(summary.wantsUris),
      });
    }
    return result;
  }

  has(uri: string): boolean {
    return this.unitOfUri.has(uri);
  }

  files(): IterableIterator<string> {
    return this.unitOfUri.keys();
  }

  addFile(uri: string): void {
    if (fileKind(uri) === undefined || this.unitOfUri.has(uri)) return;
    const id = unitIdOf(uri);
    (this.units.get(id) ?? this.units.set(id, new Set()).get(id)!).add(uri);
    this.unitOfUri.set(uri, id);
  }

  removeFile(uri: string): void {
    const id = this.unitOfUri.get(uri);
    if (id === undefined) return;
    this.unitOfUri.delete(uri);
    const files = this.units.get(id)!;
    files.delete(uri);
    if (files.size === 0) {
      this.units.delete(id);
      this.update(id, [], noSummary);
      this.summaries.delete(id);
    }
  }

  /** A unit was analysed again: its links now supply `supplies` and its summary is `summary`. */
  update(id: string, supplies: readonly string[], summary: UnitSummary): void {
    for (const target of this.supplies.get(id) ?? []) this.suppliedBy.get(target)?.delete(id);
    const known = supplies.filter((target) => target !== id);
    this.supplies.set(id, known);
    for (const target of known)
      (this.suppliedBy.get(target) ?? this.suppliedBy.set(target, new Set()).get(target)!).add(id);

    const before = this.summaries.get(id) ?? noSummary;
    unindex(this.offeredBy, before.offers, id);
    unindex(this.wantedBy, before.wants, id);
    unindex(this.uriWantedBy, before.wantsUris, id);
    this.summaries.set(id, summary);
    index(this.offeredBy, summary.offers, id);
    index(this.wantedBy, summary.wants, id);
    index(this.uriWantedBy, summary.wantsUris, id);
  }

  /** Every file of the units around the given files' units (the files themselves included). */
  filesAround(uris: Iterable<string>): Set<string> {
    const start = [...uris].map((uri) => this.unitOfUri.get(uri) ?? unitIdOf(uri));
    const seen = new Set<string>(start);
    const queue = [...start];
    const visit = (id: string | undefined): void => {
      if (id === undefined || seen.has(id)) return;
      seen.add(id);
      queue.push(id);
    };
    while (queue.length > 0) {
      const id = queue.pop()!;
      for (const target of this.supplies.get(id) ?? []) visit(target);
      for (const supplier of this.suppliedBy.get(id) ?? []) visit(supplier);
      const summary = this.summaries.get(id) ?? noSummary;
      for (const key of summary.wants) for (const other of this.offeredBy.get(key) ?? []) visit(other);
      for (const key of summary.offers) for (const other of this.wantedBy.get(key) ?? []) visit(other);
      for (const uri of summary.wantsUris) visit(this.unitOfUri.get(uri));
      for (const uri of this.units.get(id) ?? []) for (const other of this.uriWantedBy.get(uri) ?? []) visit(other);
    }
    const files = new Set<string>([...uris]);
    for (const id of seen) for (const uri of this.units.get(id) ?? []) files.add(uri);
    return files;
  }
}

function index(map: Map<string, Set<string>>, keys: readonly string[], id: string): void {
  for (const key of keys) (map.get(key) ?? map.set(key, new Set()).get(key)!).add(id);
}

function unindex(map: Map<string, Set<string>>, keys: readonly string[], id: string): void {
  for (const key of keys) {
    const set = map.get(key);
    if (!set) continue;
    set.delete(id);
    if (set.size === 0) map.delete(key);
  }
}
