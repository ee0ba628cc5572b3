// One engine session per workspace folder (cross-file resolution stays inside a folder, as for `aisec scan
// <dir>`), plus a root-less session for files outside every folder. The registry also remembers which uris
// were loaded into which session, so the server never asks a session about a file it does not hold.
import { fileURLToPath } from 'node:url';
import type { LintSession } from './session';

export interface SessionOptions {
  /** Folder path on disk; undefined for the session of loose files. */
  readonly root?: string;
  /** False in an untrusted workspace: the session must use the default configuration only. */
  readonly trusted: boolean;
}

export type SessionFactory = (options: SessionOptions) => Promise<LintSession>;

export interface Folder {
  readonly uri: string;
  /** `uri` with a trailing slash, for prefix tests. */
  readonly prefix: string;
  readonly path?: string;
  session: LintSession;
  readonly files: Set<string>;
}

export class SessionRegistry {
  private folders: Folder[] = [];
  private loose: Folder | undefined;

  constructor(private readonly factory: SessionFactory) {}

  /** (Re)creates every session, empty. Callers reload files afterwards. */
  async reset(folderUris: readonly string[], trusted: boolean): Promise<void> {
    const created = await Promise.all(
      folderUris.map(async (uri) => {
        const root = fsPath(uri) || undefined;
        const clean = uri.replace(/\/+$/, '');
        return {
          uri: clean,
          prefix: `${clean}/`,
          path: root,
          session: await this.factory({ root, trusted }),
          files: new Set<string>(),
        } satisfies Folder;
      }),
    );
    // Longest prefix first, so nested folders win over their parents.
    this.folders = created.sort((a, b) => b.prefix.length - a.prefix.length);
    this.loose = { uri: '', prefix: '', path: undefined, session: await this.factory({ trusted }), files: new Set() };
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

  deleteFile(uri: string): void {
    const folder = this.folderOf(uri);
    if (!folder.files.delete(uri)) return;
    folder.session.deleteFile(uri);
  }

  has(uri: string): boolean {
    return this.folderOf(uri).files.has(uri);
  }

  /** Known files that may change when `uri` changes (itself included when known). */
  affectedBy(uri: string): string[] {
    const folder = this.folderOf(uri);
    return folder.session.affectedBy(uri).filter((u) => folder.files.has(u) || u === uri);
  }

  /** Every known file of every session. */
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
