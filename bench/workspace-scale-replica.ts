// A large workspace made of copies of the corpus, for the scale benchmark: `copy-NN/` folders, each a copy
// of the whole corpus tree (so the cross-file links of a copy — parameter files, modules, tfvars — stay
// inside it), the last copy cut short at whole repository folders and then single files so the total is
// exactly the wanted number of IaC files. Files are hard-linked when the file system allows it (no 350 MB of
// copies), copied otherwise. The corpus texts are identical across copies, and the engine has no
// content-addressed cache, so every copy is analysed in full.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const CORPUS = path.resolve(__dirname, '../../shared/corpus');
const IAC = /\.(bicep|bicepparam|json|jsonc|tf|tfvars)$/i;

export interface Replica {
  readonly dir: string;
  readonly files: number;
  readonly bytes: number;
  readonly copies: number;
  remove(): void;
}

/** Repository folders (`bicep/<repo>`, `arm/<repo>`, `terraform/<repo>`) with their IaC files. */
function repositories(corpus: string): { folder: string; files: string[]; bytes: number }[] {
  const repos: { folder: string; files: string[]; bytes: number }[] = [];
  for (const language of fs.readdirSync(corpus).sort()) {
    const languageDir = path.join(corpus, language);
    if (!fs.statSync(languageDir).isDirectory()) continue;
    for (const repo of fs.readdirSync(languageDir).sort()) {
      const folder = path.join(language, repo);
      const files = (fs.readdirSync(path.join(corpus, folder), { recursive: true }) as string[])
        .filter((f) => IAC.test(f) && fs.statSync(path.join(corpus, folder, f)).isFile())
        .sort();
      const bytes = files.reduce((sum, f) => sum + fs.statSync(path.join(corpus, folder, f)).size, 0);
      if (files.length > 0) repos.push({ folder, files, bytes });
    }
  }
  return repos;
}

function place(from: string, to: string): void {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  try {
    fs.linkSync(from, to);
  } catch {
    fs.copyFileSync(from, to);
  }
}

export function buildReplica(wanted: number, corpus = CORPUS): Replica {
  const repos = repositories(corpus);
  const perCopy = repos.reduce((sum, r) => sum + r.files.length, 0);
  if (perCopy === 0) throw new Error(`no IaC files under ${corpus}`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aisec-scale-'));
  let files = 0;
  let bytes = 0;
  let copy = 0;
  for (; files < wanted; copy++) {
    const copyDir = path.join(dir, `copy-${String(copy).padStart(2, '0')}`);
    for (const repo of repos) {
      if (files >= wanted) break;
      for (const file of repo.files) {
        if (files >= wanted) break;
        const from = path.join(corpus, repo.folder, file);
        place(from, path.join(copyDir, repo.folder, file));
        bytes += fs.statSync(from).size;
        files++;
      }
    }
  }
  return { dir, files, bytes, copies: copy, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
