// Real public IaC files, shared by the corpus tests of the Terraform front end.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SourceFile } from '../../../server/src/model/frontend';

export const CORPUS = path.resolve(__dirname, '../../../../shared/corpus');

export interface CorpusFile extends SourceFile {
  /** The directory uri the file had in its repository. */
  readonly dir: string;
}

export function hasCorpus(): boolean {
  return fs.existsSync(path.join(CORPUS, 'MANIFEST.tsv'));
}

/** Corpus files under their original repository paths (MANIFEST.tsv), so module directories come back. */
export function terraformCorpus(): CorpusFile[] {
  const manifest = fs.readFileSync(path.join(CORPUS, 'MANIFEST.tsv'), 'utf8').split('\n').slice(1);
  const files: CorpusFile[] = [];
  for (const line of manifest) {
    const [localPath, repo, , originalPath] = line.split('\t');
    if (!localPath?.startsWith('terraform/') || !/\.(tf|tfvars)$/.test(localPath)) continue;
    const uri = `file:///corpus/${repo}/${originalPath}`;
    files.push({
      uri,
      dir: uri.slice(0, uri.lastIndexOf('/')),
      text: fs.readFileSync(path.join(CORPUS, localPath), 'utf8'),
    });
  }
  return files;
}
