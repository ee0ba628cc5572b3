// Test support for fixes: analyse a small workspace (files by uri), run every rule, and keep the findings
// with their fixes and the parsed documents, so a test can realise a fix, apply it and analyse again. Uses
// the real engine (server/src/engine) when it exposes WorkspaceSession, else the front ends directly (the
// same way test/rules/mini-engine.ts does).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../rules';
import type { FrontEndResult, ParameterSupplier, SourceFile, TemplateLink } from '../../server/src/model/frontend';
import {
  LineIndex,
  type Fix,
  type ParsedDocument,
  type Referrer,
  type Resource,
  type ResourceReference,
  type Span,
  type Value,
  type WorkspaceView,
} from '../../server/src/model';

export interface FixFinding {
  readonly ruleId: string;
  readonly uri: string;
  readonly span: Span;
  readonly line: number;
  readonly kind: 'fail' | 'review';
  readonly message: string;
  readonly resourceKey?: string;
  readonly path?: string;
  readonly fixes: readonly Fix[];
}

export interface Analysis {
  readonly documents: Map<string, ParsedDocument>;
  readonly findings: FixFinding[];
}

type Analyze = (file: SourceFile, suppliers: readonly ParameterSupplier[]) => FrontEndResult;

interface FrontEnds {
  readonly bicep?: Analyze;
  readonly bicepParams?: (file: SourceFile) => FrontEndResult;
  readonly arm?: Analyze;
  readonly terraform?: (files: readonly SourceFile[], suppliers: readonly ParameterSupplier[]) => FrontEndResult;
}

function load(relative: string): Record<string, unknown> | undefined {
  const file = path.resolve(__dirname, '../../server/src/parse', relative, 'index.ts');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return fs.existsSync(file) ? (require(file) as Record<string, unknown>) : undefined;
}

let cached: FrontEnds | undefined;

export function frontEnds(): FrontEnds {
  if (cached) return cached;
  const bicep = load('bicep');
  const arm = load('arm');
  const terraform = load('terraform');
  cached = {
    bicep: bicep?.analyzeBicep as Analyze | undefined,
    bicepParams: bicep?.analyzeBicepParams as FrontEnds['bicepParams'],
    arm: arm?.analyzeArm as Analyze | undefined,
    terraform: terraform?.analyzeTerraform as FrontEnds['terraform'],
  };
  return cached;
}

/** Loads the Terraform grammar when the Terraform front end exists (once). */
export async function initFrontEnds(): Promise<void> {
  const terraform = load('terraform');
  const init = terraform?.initTerraform as (() => Promise<void>) | undefined;
  if (init) await init();
}

export function languageOf(uri: string): 'bicep' | 'arm' | 'terraform' {
  if (/\.(bicep|bicepparam)$/.test(uri)) return 'bicep';
  if (/\.(tf|tfvars)$/.test(uri)) return 'terraform';
  return 'arm';
}

export function canAnalyze(uris: readonly string[]): boolean {
  const available = frontEnds();
  return uris.every((uri) => available[languageOf(uri)] !== undefined);
}

export function analyze(files: readonly SourceFile[]): Analysis {
  const available = frontEnds();
  const links: TemplateLink[] = [];
  for (const result of analyzeAll(files, available, () => [])) links.push(...result.links);
  const suppliersOf = (uri: string) => links.filter((l) => l.templateUri === uri).map((l) => l.supplier);
  const parsed = analyzeAll(files, available, suppliersOf).flatMap((r) => r.documents);
  const documents = new Map(parsed.map((d) => [d.uri, d]));
  const workspace = new DocumentsWorkspace(parsed);
  const findings: FixFinding[] = [];
  for (const document of parsed) {
    const lines = new LineIndex(document.text);
    for (const rule of allRules) {
      const resources = document.resources.filter(
        (r) => !r.existing && rule.meta.resourceTypes.some((type) => r.isType(type)),
      );
      if (resources.length === 0 && !(rule.meta.documentRule && document.outputs)) continue;
      rule.check({
        document,
        resources,
        workspace,
        options: { ...(rule.meta.defaultOptions ?? {}) },
        report: (finding) => {
          const span = finding.value?.span ?? finding.span ?? finding.resource?.headerSpan ?? { start: 0, end: 0 };
          findings.push({
            ruleId: rule.meta.id,
            uri: finding.resource?.uri ?? document.uri,
            span,
            line: lines.positionAt(span.start).line + 1,
            kind: finding.certainty === 'unverifiable' ? 'review' : 'fail',
            message: finding.message,
            resourceKey: finding.resource?.key,
            path: finding.path,
            fixes: finding.fixes ?? [],
          });
        },
      });
    }
  }
  return { documents, findings };
}

function analyzeAll(
  sources: readonly SourceFile[],
  available: FrontEnds,
  suppliersOf: (uri: string) => readonly ParameterSupplier[],
): FrontEndResult[] {
  const results: FrontEndResult[] = [];
  const byDirectory = new Map<string, SourceFile[]>();
  for (const source of sources.filter((s) => /\.(tf|tfvars)$/.test(s.uri))) {
    const dir = new URL('.', source.uri).href.replace(/\/$/, '');
    byDirectory.set(dir, [...(byDirectory.get(dir) ?? []), source]);
  }
  if (available.terraform) {
    for (const [dir, files] of byDirectory) results.push(available.terraform(files, suppliersOf(dir)));
  }
  for (const source of sources) {
    if (source.uri.endsWith('.bicepparam') && available.bicepParams) results.push(available.bicepParams(source));
    else if (source.uri.endsWith('.bicep') && available.bicep)
      results.push(available.bicep(source, suppliersOf(source.uri)));
    else if (/\.jsonc?$/.test(source.uri) && available.arm)
      results.push(available.arm(source, suppliersOf(source.uri)));
  }
  return results;
}

/** Resolves references by document and key (or ARM type and literal name); referrers by scanning values. */
class DocumentsWorkspace implements WorkspaceView {
  private readonly all: readonly Resource[];

  constructor(documents: readonly ParsedDocument[]) {
    this.all = documents.flatMap((d) => d.resources);
  }

  resources(type?: string): readonly Resource[] {
    return this.all.filter((r) => !r.existing && (type === undefined || r.isType(type)));
  }

  resolve(reference: ResourceReference, from: Resource): Resource | undefined {
    if (reference.key !== undefined) {
      const uri = reference.uri ?? from.uri;
      return this.all.find((r) => r.key === reference.key && r.uri === uri);
    }
    if (reference.type !== undefined && reference.name?.kind === 'literal') {
      const name = String(reference.name.value).toLowerCase();
      return this.all.find((r) => {
        const own = r.get('name');
        return r.isType(reference.type ?? '') && own?.kind === 'literal' && String(own.value).toLowerCase() === name;
      });
    }
    return undefined;
  }

  referrers(target: Resource, type?: string): readonly Referrer[] {
    const found: Referrer[] = [];
    for (const candidate of this.resources(type)) {
      const visit = (value: Value | undefined, at: string, depth: number): void => {
        if (!value || depth > 100) return;
        if (value.kind === 'unknown' && value.reference && this.resolve(value.reference, candidate) === target) {
          found.push({ resource: candidate, path: at, attribute: value.reference.attribute });
        }
        if (value.kind === 'object')
          value.properties.forEach((p) => visit(p.value, at ? `${at}.${p.name}` : p.name, depth + 1));
        if (value.kind === 'array') value.items.forEach((item, i) => visit(item, `${at}.${i}`, depth + 1));
      };
      visit(candidate.scope, '', 0);
      visit(candidate.body, '', 0);
    }
    return found;
  }
}
