// Which files sit in the folder sessions. The workspace scan checks every file in batch jobs and keeps only
// their findings, facts and positions; a session holds what the editor needs to answer about the text the
// user sees: each open file with its neighbourhood (neighbourhood.ts), plus, while their checks run, the
// neighbourhoods of files changed or deleted on disk. Everything else is unloaded again once the checker is
// idle, its last findings kept without the model they point into.
import { isConfigUri } from '../engine/config';
import { summariseUnit } from '../engine/coupling';
import { resourceFacts, withFixTitlesOnly } from '../engine/batch/job';
import { OffsetsInUse } from '../engine/batch/positions';
import type { Finding } from '../engine/finding';
import { skipNotice } from '../engine/session';
import { unitIdOf } from '../engine/units';
import type { Folder, SessionRegistry } from './sessions';

export interface ResidencyHost {
  readonly sessions: SessionRegistry;
  /** The editor's text of an open document, undefined when it is not open. */
  openText(uri: string): string | undefined;
  /** The file's text on disk, undefined when it cannot be read (gone, too large, binary). */
  diskText(uri: string): string | undefined;
  /** The findings last published for a file, and a way to replace them without a new check. */
  findingsOf(uri: string): readonly Finding[] | undefined;
  keepFindings(uri: string, findings: readonly Finding[]): void;
  /** Uris the editor has open. */
  openUris(): Iterable<string>;
}

export class Residency {
  /** Files changed or deleted on disk whose neighbourhoods stay until the checks they cause are done. */
  private readonly pinned = new Set<string>();

  constructor(private readonly host: ResidencyHost) {}

  /** `load` for files changed on disk: their neighbourhoods follow the graph until the next `evict`. */
  pin(uris: Iterable<string>): string[] {
    for (const uri of uris) this.pinned.add(uri);
    return this.load(uris);
  }

  /**
   * Loads the neighbourhoods of `uris` into their sessions (open files with the editor's text, the others
   * from disk) and returns the files newly loaded. A file not on disk and not open is left out.
   */
  load(uris: Iterable<string>): string[] {
    const loaded: string[] = [];
    for (const [folder, own] of this.byFolder(uris)) {
      for (const uri of folder.neighbourhoods.filesAround(own)) {
        if (folder.files.has(uri)) continue;
        const text = this.host.openText(uri) ?? this.host.diskText(uri);
        if (text === undefined) continue;
        this.host.sessions.setFile(uri, text);
        loaded.push(uri);
      }
    }
    return loaded;
  }

  /**
   * After the session checked `checked`: the units it analysed again replace theirs in the graph (their
   * links and the names they offer and want may have changed with an edit), and the neighbourhoods of the
   * open and pinned files are loaded again, since they may have grown. Returns the files newly loaded.
   */
  refresh(checked: Iterable<string>): string[] {
    for (const [folder, uris] of this.byFolder(checked)) {
      const session = folder.session;
      const produced = session.producedLinks();
      // `.aisec.json` files sit in the session too (a change invalidates findings) but are no unit.
      const ids = new Set(uris.filter((uri) => folder.files.has(uri) && !isConfigUri(uri)).map(unitIdOf));
      const filesOf = new Map<string, string[]>();
      for (const uri of folder.files) {
        const id = unitIdOf(uri);
        if (ids.has(id)) (filesOf.get(id) ?? filesOf.set(id, []).get(id)!).push(uri);
      }
      for (const [id, files] of filesOf) {
        for (const uri of files) folder.neighbourhoods.addFile(uri);
        const documents = files.flatMap((uri) => session.document(uri) ?? []);
        const supplies = (produced.get(id) ?? []).map((link) => link.templateUri);
        folder.neighbourhoods.update(id, supplies, summariseUnit(new Set(files), documents));
      }
    }
    return this.load([...this.host.openUris(), ...this.pinned]);
  }

  /** Unloads every file no open file needs, keeping its findings (without fixes), facts and positions. */
  evict(): number {
    this.pinned.clear();
    let evicted = 0;
    const open = [...this.host.openUris()];
    for (const folder of this.host.sessions.sessions()) {
      const needed = folder.neighbourhoods.filesAround(
        open.filter((uri) => this.host.sessions.folderOf(uri) === folder),
      );
      const leaving = [...folder.files].filter((uri) => !needed.has(uri) && !isConfigUri(uri));
      if (leaving.length === 0) continue;
      this.remember(folder, leaving);
      for (const uri of leaving) this.host.sessions.deleteFile(uri);
      evicted += leaving.length;
    }
    return evicted;
  }

  /** What the folder must know of files about to leave its session. */
  private remember(folder: Folder, uris: readonly string[]): void {
    const offsets = new OffsetsInUse();
    for (const uri of uris) {
      const document = folder.session.document(uri);
      const findings = this.host.findingsOf(uri);
      if (findings) {
        const detached = findings.map(withFixTitlesOnly);
        for (const finding of detached) offsets.finding(finding);
        this.host.keepFindings(uri, detached);
      }
      folder.facts.set(uri, {
        skipped: document?.skipped !== undefined,
        notice: document ? skipNotice(document) : undefined,
        resources: resourceFacts(document),
      });
    }
    folder.positions.add(offsets.positions((uri) => folder.session.document(uri)?.lines));
  }

  private byFolder(uris: Iterable<string>): Map<Folder, string[]> {
    const result = new Map<Folder, string[]>();
    for (const uri of uris) {
      const folder = this.host.sessions.folderOf(uri);
      (result.get(folder) ?? result.set(folder, []).get(folder)!).push(uri);
    }
    return result;
  }
}
