// The fix round-trip: for every definite finding with a fix in a workspace, realise the fix, apply it,
// analyse again and check that
//   1. no new syntax problem appeared in any edited file,
//   2. the finding is gone,
//   3. no other finding appeared on a resource that existed before, and none vanished on another resource,
//   4. replacements stay inside the fixed resources or the declarations that fed the value (parameter and
//      variable defaults), apart from whitespace (terraform fmt alignment); insertions may go anywhere.
// Used by test/fix/roundtrip.test.ts (fixtures, a corpus sample) and bench/fix-roundtrip.bench.ts (corpus).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SourceFile } from '../../server/src/model/frontend';
import type { Fix, Resource, Value } from '../../server/src/model';
import { applyTextEdits, realizeFix, type TextEdit } from '../../server/src/edit';
import { analyze, type Analysis } from './harness';

export interface RoundTripFailure {
  readonly finding: string;
  readonly fix: string;
  readonly problem: string;
}

export interface RoundTripReport {
  /** Definite findings that carry at least one fix. */
  findingsWithFixes: number;
  /** Fixes the edit layer wrote (applied and checked). */
  applied: number;
  /** Fixes the edit layer declined to write (not offered). */
  declined: number;
  /** Which, as "finding — fix title". */
  readonly declinedFixes: string[];
  readonly failures: RoundTripFailure[];
}

export function emptyReport(): RoundTripReport {
  return { findingsWithFixes: 0, applied: 0, declined: 0, declinedFixes: [], failures: [] };
}

type Found = Analysis['findings'][number];

const identity = (f: Found) => `${f.ruleId}|${f.uri}|${f.resourceKey}|${f.kind}|${f.path ?? ''}`;

export function roundTrip(files: readonly SourceFile[], report = emptyReport(), maxFixes = Infinity): RoundTripReport {
  const before = analyze(files);
  const uris = () => [...before.documents.keys()];
  let budget = maxFixes;
  for (const finding of before.findings) {
    if (finding.kind !== 'fail' || finding.suppression || finding.fixes.length === 0) continue;
    report.findingsWithFixes++;
    for (const fix of finding.fixes) {
      if (budget-- <= 0) return report;
      const label = `${finding.ruleId} ${shortUri(finding.uri)}:${finding.line} ${finding.resourceKey}`;
      let realized: ReturnType<typeof realizeFix>;
      try {
        realized = realizeFix(fix, (uri) => before.documents.get(uri), { uris, strict: true });
      } catch (error) {
        report.failures.push({ finding: label, fix: fix.title, problem: `threw: ${(error as Error).stack}` });
        continue;
      }
      if (!realized) {
        report.declined++;
        report.declinedFixes.push(`${label} — ${fix.title}`);
        continue;
      }
      report.applied++;
      const problem = check(files, before, finding, fix, realized.edits);
      if (problem) report.failures.push({ finding: label, fix: realized.title, problem });
    }
  }
  return report;
}

function check(
  files: readonly SourceFile[],
  before: Analysis,
  finding: Found,
  fix: Fix,
  edits: Map<string, TextEdit[]>,
): string | undefined {
  const changed = files.map((file) => {
    const list = edits.get(file.uri);
    return list ? { uri: file.uri, text: applyTextEdits(file.text, list) } : file;
  });
  for (const uri of edits.keys()) {
    if (!files.some((f) => f.uri === uri)) return `edits a file outside the workspace: ${uri}`;
  }
  // 4. Where the replacements are.
  const allowed = allowedSpans(before, finding, fix);
  for (const [uri, list] of edits) {
    const text = before.documents.get(uri)?.text ?? '';
    for (const edit of list) {
      if (edit.span.start === edit.span.end) continue;
      const old = text.slice(edit.span.start, edit.span.end);
      if (old.trim() === '' && edit.newText.trim() === '') continue;
      const inside = (allowed.get(uri) ?? []).some((s) => s.start <= edit.span.start && edit.span.end <= s.end);
      if (!inside) return `replaces text outside the fixed resource: ${JSON.stringify(old)} in ${shortUri(uri)}`;
    }
  }
  const after = analyze(changed);
  // 1. Syntax.
  for (const uri of edits.keys()) {
    const was = before.documents.get(uri)?.syntaxProblems.length ?? 0;
    const now = after.documents.get(uri)?.syntaxProblems ?? [];
    if (now.length > was) {
      const text = changed.find((f) => f.uri === uri)?.text ?? '';
      return `new syntax problem: ${now.map((p) => p.message).join('; ')}\n${excerpt(text, now[0].span.start)}`;
    }
  }
  // 2. Gone.
  const fixedKey = identity(finding);
  // Template-level findings (one per parameter or output, no path) share an identity: their message names
  // the parameter, so the same message must be gone (marking a parameter secure may reveal another finding
  // on it: a secure parameter with a hard-coded default).
  const documentLevel = fix.edits.every((e) => e.kind === 'markSecure');
  const remaining = after.findings.filter(
    (f) => identity(f) === fixedKey && (!documentLevel || f.message === finding.message),
  );
  if (remaining.length > 0) return `the finding remains: ${remaining[0].message}`;
  // 3. Nothing else changed, except on the fixed resources.
  const touched = new Set(
    fix.edits.flatMap((e) => ('resource' in e ? [e.resource.key] : 'near' in e ? [e.near.key] : [])),
  );
  const existing = new Set([...before.documents.values()].flatMap((d) => d.resources.map((r) => `${r.uri}|${r.key}`)));
  const count = (list: readonly Found[]) => {
    const map = new Map<string, number>();
    for (const f of list) map.set(identity(f), (map.get(identity(f)) ?? 0) + 1);
    return map;
  };
  const was = count(before.findings);
  const now = count(after.findings);
  // Rules interact on one resource (disabling public access makes another rule applicable), and a parent's
  // setting can settle its children's findings (RBAC on a vault makes its access policies moot): those are
  // expected. Anything else that appears or vanishes is not.
  const resources = [...before.documents.values()].flatMap((d) => d.resources);
  const touchedResources = resources.filter((r) => touched.has(r.key));
  const children = new Set(
    resources.filter((r) => touchedResources.some((t) => descendsFrom(r, t, resources))).map((r) => r.key),
  );
  for (const [key, n] of now) {
    const [, uri, resourceKey] = key.split('|');
    if ((was.get(key) ?? 0) >= n) continue;
    if (!existing.has(`${uri}|${resourceKey}`)) continue; // a finding on a resource the fix added
    if (touched.has(resourceKey)) continue;
    return `a finding appeared: ${key}`;
  }
  for (const [key, n] of was) {
    if (key === fixedKey) continue;
    const [, , resourceKey] = key.split('|');
    if ((now.get(key) ?? 0) >= n || touched.has(resourceKey) || children.has(resourceKey)) continue;
    return `a finding on another resource vanished: ${key}`;
  }
  return undefined;
}

/** A child (or grandchild…) of `parent`: through `parent:`/nesting, or by ARM type and name prefix. */
function descendsFrom(resource: Resource, parent: Resource, all: readonly Resource[], depth = 0): boolean {
  if (depth > 10 || resource === parent) return false;
  const literalName = (r: Resource) => {
    const name = r.get('name');
    return name?.kind === 'literal' && typeof name.value === 'string' ? name.value.toLowerCase() : undefined;
  };
  const [childName, parentName] = [literalName(resource), literalName(parent)];
  if (
    resource.type.toLowerCase().startsWith(`${parent.type.toLowerCase()}/`) &&
    childName !== undefined &&
    parentName !== undefined &&
    childName.startsWith(`${parentName}/`)
  )
    return true;
  if (resource.parentKey === undefined) return false;
  if (resource.parentKey === parent.key && resource.uri === parent.uri) return true;
  const next = all.find((r) => r.key === resource.parentKey && r.uri === resource.uri);
  return next !== undefined && descendsFrom(next, parent, all, depth + 1);
}

/** The spans a fix may replace text in: the fixed resources, and where their values came from. */
function allowedSpans(before: Analysis, finding: Found, fix: Fix): Map<string, { start: number; end: number }[]> {
  const spans = new Map<string, { start: number; end: number }[]>();
  const add = (uri: string, span: { start: number; end: number }) => spans.set(uri, [...(spans.get(uri) ?? []), span]);
  for (const edit of fix.edits) {
    if (!('resource' in edit)) continue;
    add(edit.resource.uri, edit.resource.span);
  }
  for (const document of before.documents.values()) {
    for (const parameter of document.parameters ?? []) add(document.uri, parameter.span);
  }
  for (const related of finding.related) add(related.uri, related.span);
  // markSecure edits stay inside the declaration they mark.
  for (const edit of fix.edits) {
    if (edit.kind !== 'markSecure') continue;
    const document = before.documents.get(edit.uri);
    for (const output of edit.target === 'output' ? (document?.outputs ?? []) : []) add(edit.uri, output.span);
  }
  // Variables and locals the value flows through (Bicep `var`, ARM `variables`): their origins.
  for (const edit of fix.edits) {
    if (!('resource' in edit) || edit.kind === 'remove') continue;
    const value = safeGet(edit.resource, edit.path);
    for (const origin of value?.origins ?? []) add(origin.uri, widen(before, origin.uri, origin.span));
  }
  return spans;
}

function safeGet(resource: Resource, path: string): Value | undefined {
  try {
    return resource.get(path);
  } catch {
    return undefined;
  }
}

/** An origin span widened to its whole line(s) (a variable's value may be edited around its span). */
function widen(before: Analysis, uri: string, span: { start: number; end: number }) {
  const text = before.documents.get(uri)?.text ?? '';
  let start = span.start;
  while (start > 0 && text[start - 1] !== '\n') start--;
  let end = span.end;
  while (end < text.length && text[end] !== '\n') end++;
  return { start, end };
}

function excerpt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', Math.max(0, offset - 200));
  return text.slice(Math.max(0, start), offset + 200);
}

function shortUri(uri: string): string {
  return decodeURIComponent(uri.replace(/^.*\/(test-fixtures\/rules|corpus)\//, ''));
}

const corpusRoot = process.env.AISEC_CORPUS ?? '/work/shared/corpus';

/** Every corpus file as its own workspace (the corpus flattens repositories, so relative paths do not resolve). */
export function corpusWorkspaces(): { name: string; files: { uri: string; text: string }[] }[] {
  if (!fs.existsSync(corpusRoot)) return [];
  const result: { name: string; files: { uri: string; text: string }[] }[] = [];
  for (const language of ['bicep', 'arm', 'terraform']) {
    const dir = path.join(corpusRoot, language);
    if (!fs.existsSync(dir)) continue;
    for (const repo of fs.readdirSync(dir).sort()) {
      const repoDir = path.join(dir, repo);
      if (!fs.statSync(repoDir).isDirectory()) continue;
      for (const name of fs.readdirSync(repoDir).sort()) {
        if (!/\.(bicep|json|tf)$/.test(name)) continue;
        const file = path.join(repoDir, name);
        // Each file is its own workspace: the corpus flattens repositories, so relative paths do not resolve.
        result.push({
          name: `${language}/${repo}/${name}`,
          files: [{ uri: pathToFileURL(file).href, text: fs.readFileSync(file, 'utf8') }],
        });
      }
    }
  }
  return result;
}
