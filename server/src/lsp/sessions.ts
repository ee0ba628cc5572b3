// One engine session per workspace folder (cross-file resolution stays inside a folder, as for `aisec scan
// <dir>`), plus a root-less session for files outside every folder. A folder's session holds only the files
// the editor needs now (open files and their neighbourhoods, residency.ts); what the workspace scan found
// in the other files is kept per folder as findings (in the checker), facts and positions. The registry
// remembers which uris were loaded into which session, so the server never asks a session about a file it
// does not hold.
import { fileURLToPath } from 'node:url';
import type { ResourceFacts } from '../engine/batch/job';
import { PositionTables } from '../engine/batch/positions';
import { UnitNeighbourhoods } from './neighbourhood';
import type { LintSession } from './session';

export interface SessionOptions {
  /** Folder path on disk; undefined for the session of loose files. */
  readonly root?: string;
  /** False in an untrusted workspace: the session must use the default configuration only. */
  readonly trusted: boolean;
  /** Whether a file exists in the folder, loaded or not (a generated template's `.bicep` source). */
  readonly hasFile: (uri: string) => boolean;
}

/** What the summary and the Problems panel need of a file that is not loaded. */
export interface FileFacts {
  readonly skipped: boolean;
  /** Why it was not analysed, when worth telling. */
  readonly notice?: string;
  readonly resources: readonly ResourceFacts[];
}

export type SessionFactory = (options: SessionOptions) => Promise<LintSession>;

export interface Folder {
  readonly uri: string;
  /** `uri` with a trailing slash, for prefix tests. */
  readonly prefix: string;
  readonly path?: string;
  session: LintSession;
  /** Files loaded into the session. */
  readonly files: Set<string>;
  /** The folder's IaC files and how their units hang together (from the workspace scan, kept current). */
  neighbourhoods: UnitNeighbourhoods;
  /** Facts of files the workspace scan checked, and the positions their findings use. */
  readonly facts: Map<string, FileFacts>;
  positions: PositionTables;
}

export class SessionRegistry {
  private folders: Folder[] = [];
  private loose: Folder | undefined;

  constructor(private readonly factory: SessionFactory) {}

  /** (Re)creates every session, empty. Callers reload files afterwards. */
  async reset(folderUris: readonly string[], trusted: boolean): Promise<void> {
    const create = async (uri: string, root: string | undefined): Promise<Folder> => {
      const clean = uri.replace(/\/+$/, '');
      const folder: Folder = {
        uri: clean,
        prefix: clean ? `${clean}/` : '',
        path: root,
        session: undefined as unknown as LintSession,
        files: new Set<string>(),
        neighbourhoods: new UnitNeighbourhoods(),
        facts: new Map(),
        positions: new PositionTables(),
      };
      folder.session = await this.factory({
        root,
        trusted,
        hasFile: (u) => folder.files.has(u) || folder.neighbourhoods.has(u),
      });
      return folder;
    };
    const created = await Promise.all(folderUris.map((uri) => create(uri, fsPath(uri) || undefined)));
    // Longest prefix first, so nested folders win over their parents.
    this.folders = created.sort((a, b) => b.prefix.length - a.prefix.length);
    this.loose = await create('', undefined);
  }

  allFolders(): readonly Folder[] {
    return this.folders;
  }

  /** The folder (or the loose-files pseudo folder) a uri belongs to. */
  folderOf(uri: string): Folder {
    const folder = this.folders.find((f) => uri.startsWith(f.prefix));
    if (folder) return folder;
    if (!this.loose) throw new Error('aisec: sessions used before initialization');
    return this.loose;
  }

  setFile(uri: string, text: string): void {
    const folder = this.folderOf(uri);
    folder.session.setFile(uri, text);
    folder.files.add(uri);
  }

  /** Removes a file from its session (deleted, or no longer needed by the editor). */
  deleteFile(uri: string): void {
    const folder = this.folderOf(uri);
    if (!folder.files.delete(uri)) return;
    folder.session.deleteFile(uri);
  }

  has(uri: string): boolean {
    return this.folderOf(uri).files.has(uri);
  }

  /**
   * Loaded files that may change when `uri` changes (itself included when known): what the session says,
   * plus the loaded part of its neighbourhood, which also knows relations by literal name (a private
   * endpoint naming an account by id) that the session's answer leaves out.
   */
  affectedBy(uri: string): string[] {
    const folder = this.folderOf(uri);
    const affected = new Set(folder.session.affectedBy(uri));
    for (const u of folder.neighbourhoods.filesAround([uri])) affected.add(u);
    return [...affected].filter((u) => folder.files.has(u) || u === uri);
  }

  /** Every loaded file of every session. */
  allFiles(): string[] {
    const loose = this.loose ? [...this.loose.files] : [];
    return [...this.folders.flatMap((f) => [...f.files]), ...loose];
  }

  sessions(): readonly Folder[] {
    return this.loose ? [...this.folders, this.loose] : this.folders;
  }
}

/** The file-system path of a `file:` uri ('' for other schemes: untitled documents have none). */
export function fsPath(uri: string): string {
  try {
    return fileURLToPath(uri);
  } catch {
    return '';
  }
}
