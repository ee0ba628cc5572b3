// The three front ends behind one door: Bicep (our parser), ARM (jsonc-parser) and Terraform (tree-sitter,
// whose WebAssembly grammar loads asynchronously once per process).
import { analyzeArm } from '../parse/arm';
import { analyzeBicep, analyzeBicepParams, bypassBicepTreeCache } from '../parse/bicep';
import { analyzeTerraform, bypassTerraformTreeCache, initTerraform, isTerraformReady } from '../parse/terraform';
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
 * Runs `work` with the front-end caches bypassed but not emptied. The caches only pay off when the same file
 * is analysed again (the editor); a batch job reads each file once, so checked files leave nothing behind,
 * and in the language server's thread the editor's trees stay where they were.
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
