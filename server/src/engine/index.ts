// The engine: the one entry point for the CLI and the language server (brief contract 2).
export { WorkspaceSession, fileKind, contentSkipReason, directoryUri, MAX_FILE_BYTES } from './session';
export type { SessionOptions, FileKind } from './session';
export { scanPaths, UsageError } from './scan';
export type { ScanOptions, ScanResult, SkippedFile, SyntaxProblemEntry } from './scan';
export {
  loadConfig,
  readConfigFile,
  parseConfig,
  findConfigFile,
  defaultLevel,
  levelOf,
  ConfigError,
  DEFAULT_CONFIG,
  CONFIG_FILE_NAME,
} from './config';
export type { ResolvedConfig, RuleSeverity } from './config';
export type { Finding, FindingKind, Suppression } from './finding';
export { ENGINE_DIAGNOSTICS, isEngineDiagnostic } from './engine-findings';
export type { EngineDiagnosticId } from './engine-findings';
export { readSuppressions, readPeerComment } from './suppressions';
export type { SuppressionDirective } from './suppressions';
export { WorkspaceIndex } from './workspace-index';
export { initFrontEnds } from './frontends';
