// The three front ends behind one door: Bicep (our parser), ARM (jsonc-parser) and Terraform (tree-sitter,
// whose WebAssembly grammar loads asynchronously once per process).
import { analyzeArm } from '../parse/arm';
import { analyzeBicep, analyzeBicepParams, bypassBicepTreeCache, setBicepTreeCache } from '../parse/bicep';
import {
  analyzeTerraform,
  bypassTerraformTreeCache,
  initTerraform,
  isTerraformReady,
  setTerraformTreeCache,
} from '../parse/terraform';
import type { FrontEndResult, ParameterSupplier, SourceFile } from '../model/frontend';

type AnalyzeOne = (file: SourceFile, suppliers: readonly ParameterSupplier[]) => FrontEndResult;
type AnalyzeDirectory = (files: readonly SourceFile[], suppliers: readonly ParameterSupplier[]) => FrontEndResult;

export interface FrontEnds {
  readonly bicep: AnalyzeOne;
  readonly bicepParams: (file: SourceFile) => FrontEndResult;
  readonly arm: AnalyzeOne;
  /** Undefined until `initFrontEnds()` has loaded the grammar. */
  readonly terraform?: AnalyzeDirectory;
}

let terraformReady: Promise<void> | undefined;

/** Loads the Terraform grammar (WebAssembly) once per process. */
export function initFrontEnds(): Promise<void> {
  terraformReady ??= initTerraform();
  return terraformReady;
}

export function frontEnds(): FrontEnds {
  return {
    bicep: analyzeBicep,
    bicepParams: analyzeBicepParams,
    arm: analyzeArm,
    terraform: isTerraformReady() ? analyzeTerraform : undefined,
  };
}

/** Why a file of this kind cannot be analysed right now, or undefined when it can. */
export function unavailableReason(kind: 'arm' | 'terraform'): string | undefined {
  if (kind === 'terraform' && !isTerraformReady())
    return 'the Terraform grammar is not loaded (create the session with WorkspaceSession.create)';
  return undefined;
}

/**
 * Front-end caches that only pay off when the same file is analysed again (the editor): a batch scan turns
 * them off in its threads, so checked files leave nothing behind.
 */
export function setFrontEndCaches(enabled: boolean): void {
  setTerraformTreeCache(enabled);
  setBicepTreeCache(enabled);
}

/**
 * Runs `work` with the front-end caches bypassed but not emptied: a batch job in the language server's
 * thread adds no tree of the files it reads and leaves the editor's trees where they were.
 */
export function withoutFrontEndCaches<T>(work: () => T): T {
  const terraform = bypassTerraformTreeCache(true);
  const bicep = bypassBicepTreeCache(true);
  try {
    return work();
  } finally {
    bypassTerraformTreeCache(terraform);
    bypassBicepTreeCache(bicep);
  }
}
