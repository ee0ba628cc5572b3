// The three front ends behind one door. Bicep is always here; ARM and Terraform are loaded when their
// modules exist (they are being written in parallel): a missing one leaves its files skipped with a reason.
import { analyzeBicep, analyzeBicepParams } from '../parse/bicep';
import type { FrontEndResult, ParameterSupplier, SourceFile } from '../model/frontend';

type AnalyzeOne = (file: SourceFile, suppliers: readonly ParameterSupplier[]) => FrontEndResult;
type AnalyzeDirectory = (files: readonly SourceFile[], suppliers: readonly ParameterSupplier[]) => FrontEndResult;

export interface FrontEnds {
  readonly bicep: AnalyzeOne;
  readonly bicepParams: (file: SourceFile) => FrontEndResult;
  readonly arm?: AnalyzeOne;
  readonly terraform?: AnalyzeDirectory;
}

/** After a failed `require`: undefined when the module itself is missing, else the error goes on. */
function missingModule(error: unknown, name: string): undefined {
  const e = error as NodeJS.ErrnoException;
  if (e.code === 'MODULE_NOT_FOUND' && e.message.includes(name)) return undefined;
  throw error;
}

// `require` directly inside `try`, so that esbuild bundles the module when it exists and leaves a warning
// (not an error) while it does not.
/* eslint-disable @typescript-eslint/no-require-imports */
let arm: Record<string, unknown> | undefined;
try {
  arm = require('../parse/arm');
} catch (error) {
  arm = missingModule(error, 'parse/arm');
}
let terraform: Record<string, unknown> | undefined;
try {
  terraform = require('../parse/terraform');
} catch (error) {
  terraform = missingModule(error, 'parse/terraform');
}
/* eslint-enable @typescript-eslint/no-require-imports */

let terraformReady: Promise<void> | undefined;
let terraformInitialised = false;

/** Loads the Terraform grammar (WebAssembly) once; resolves immediately when there is no Terraform front end. */
export function initFrontEnds(): Promise<void> {
  const init = terraform?.initTerraform as (() => Promise<void>) | undefined;
  if (!init) return Promise.resolve();
  terraformReady ??= init().then(() => {
    terraformInitialised = true;
  });
  return terraformReady;
}

export function frontEnds(): FrontEnds {
  return {
    bicep: analyzeBicep,
    bicepParams: analyzeBicepParams,
    arm: arm?.analyzeArm as AnalyzeOne | undefined,
    terraform: terraformInitialised ? (terraform?.analyzeTerraform as AnalyzeDirectory | undefined) : undefined,
  };
}

/** Why a file of this kind cannot be analysed right now, or undefined when it can. */
export function unavailableReason(kind: 'arm' | 'terraform'): string | undefined {
  if (kind === 'arm' && !arm) return 'the ARM template front end is not available in this build';
  if (kind === 'terraform' && !terraform) return 'the Terraform front end is not available in this build';
  if (kind === 'terraform' && !terraformInitialised)
    return 'the Terraform grammar is not loaded (create the session with WorkspaceSession.create)';
  return undefined;
}
