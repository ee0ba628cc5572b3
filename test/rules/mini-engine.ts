// A test-only stand-in for the engine (server/src/engine), used by the fixture harness until the engine
// exists: it runs the available front ends over a case's files (parameter suppliers linked to their
// templates), builds a WorkspaceView, runs every rule and returns the findings with their line and kind.
// Front ends that are not written yet are skipped; their fixtures are reported as not run.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { allRules } from '../../rules';
import type { FrontEndResult, ParameterSupplier, SourceFile, TemplateLink } from '../../server/src/model/frontend';
import {
  LineIndex,
  type ParsedDocument,
  type Referrer,
  type Resource,
  type ResourceReference,
  type Value,
  type WorkspaceView,
} from '../../server/src/model';
import type { FixtureFile } from './fixtures';

export interface ScannedFinding {
  readonly ruleId: string;
  readonly uri: string;
  /** 1-based line of the finding's start. */
  readonly line: number;
  readonly kind: 'fail' | 'review';
  readonly message: string;
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

export function availableFrontEnds(): FrontEnds {
  const bicep = load('bicep');
  const arm = load('arm');
  const terraform = load('terraform');
  return {
    bicep: bicep?.analyzeBicep as Analyze | undefined,
    bicepParams: bicep?.analyzeBicepParams as FrontEnds['bicepParams'],
    arm: arm?.analyzeArm as Analyze | undefined,
    terraform: terraform?.analyzeTerraform as FrontEnds['terraform'],
  };
}

export function languageOf(file: FixtureFile): 'bicep' | 'arm' | 'terraform' {
  if (/\.(bicep|bicepparam)$/.test(file.uri)) return 'bicep';
  if (/\.(tf|tfvars)$/.test(file.uri)) return 'terraform';
  return 'arm';
}

export function canScan(files: readonly FixtureFile[], frontEnds = availableFrontEnds()): boolean {
  return files.every((file) => frontEnds[languageOf(file)] !== undefined);
}

export function scan(files: readonly FixtureFile[], frontEnds = availableFrontEnds()): ScannedFinding[] {
  const sources = files.map((f) => ({ uri: f.uri, text: f.text }));
  // Pass 1: what each file supplies to others (module calls, .bicepparam, parameter files, tfvars).
  const links: TemplateLink[] = [];
  for (const result of analyzeAll(sources, frontEnds, () => [])) links.push(...result.links);
  const suppliersOf = (uri: string) => links.filter((l) => l.templateUri === uri).map((l) => l.supplier);
  // Pass 2: templates with their suppliers.
  const documents = analyzeAll(sources, frontEnds, suppliersOf).flatMap((r) => r.documents);
  const workspace = new DocumentsWorkspace(documents);
  const findings: ScannedFinding[] = [];
  for (const document of documents) {
    const lines = new LineIndex(document.text);
    for (const rule of allRules) {
      const resources = document.resources.filter(
        (r) => !r.existing && rule.meta.resourceTypes.some((type) => r.isType(type)),
      );
      if (resources.length === 0) continue;
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
            line: lines.positionAt(span.start).line + 1,
            kind: finding.certainty === 'unverifiable' ? 'review' : 'fail',
            message: finding.message,
          });
        },
      });
    }
  }
  return findings;
}

function analyzeAll(
  sources: readonly SourceFile[],
  frontEnds: FrontEnds,
  suppliersOf: (uri: string) => readonly ParameterSupplier[],
): FrontEndResult[] {
  const results: FrontEndResult[] = [];
  const terraformFiles = sources.filter((s) => /\.(tf|tfvars)$/.test(s.uri));
  if (terraformFiles.length > 0 && frontEnds.terraform) {
    const dir = new URL('.', terraformFiles[0].uri).href.replace(/\/$/, '');
    results.push(frontEnds.terraform(terraformFiles, suppliersOf(dir)));
  }
  for (const source of sources) {
    if (source.uri.endsWith('.bicepparam') && frontEnds.bicepParams) results.push(frontEnds.bicepParams(source));
    else if (source.uri.endsWith('.bicep') && frontEnds.bicep)
      results.push(frontEnds.bicep(source, suppliersOf(source.uri)));
    else if (/\.jsonc?$/.test(source.uri) && frontEnds.arm)
      results.push(frontEnds.arm(source, suppliersOf(source.uri)));
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
      const visit = (value: Value | undefined, at: string): void => {
        if (!value) return;
        if (value.kind === 'unknown' && value.reference && this.resolve(value.reference, candidate) === target) {
          found.push({ resource: candidate, path: at, attribute: value.reference.attribute });
        }
        if (value.kind === 'object') value.properties.forEach((p) => visit(p.value, at ? `${at}.${p.name}` : p.name));
        if (value.kind === 'array') value.items.forEach((item, i) => visit(item, `${at}.${i}`));
      };
      visit(candidate.scope, '');
      visit(candidate.body, '');
    }
    return found;
  }
}
