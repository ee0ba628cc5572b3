// Custom LSP messages between the aisec language server and the VS Code client (views, status bar, report).
// Types only plus method names, so both bundles can import this file without pulling in the other side.
// Positions are LSP positions: 0-based line, UTF-16 character.

export type SummarySeverity = 'high' | 'medium' | 'low';
export type SummaryLevel = 'error' | 'warning' | 'info';
export type SummaryPillar = 'network' | 'identity' | 'encryption' | 'monitoring' | 'content-safety' | 'compute';

export interface SummaryPosition {
  readonly line: number;
  readonly character: number;
}

export interface SummaryRange {
  readonly start: SummaryPosition;
  readonly end: SummaryPosition;
}

/** One finding of the workspace, flattened for views (no fixes or edits: those come from code actions). */
export interface SummaryFinding {
  readonly ruleId: string;
  /** The rule's own severity (not the configured level). */
  readonly severity: SummarySeverity;
  /** What the user's config makes of it; 'info' for every review finding. */
  readonly level: SummaryLevel;
  /** 'fail' = definite violation, 'review' = cannot verify (unknown value). */
  readonly kind: 'fail' | 'review';
  readonly message: string;
  readonly uri: string;
  readonly range: SummaryRange;
  /** Symbolic name / Terraform address of the resource ('' for template-level findings). */
  readonly resourceKey: string;
  /** ARM type, e.g. Microsoft.CognitiveServices/accounts. */
  readonly resourceType: string;
  /** Best fix on offer, if any. */
  readonly fix?: 'safe' | 'unsafe';
  /** True when an aisec-disable-next-line comment (or ARM metadata) suppresses it. */
  readonly suppressed: boolean;
}

/** Catalogue entry for every enabled rule, so the report can show rules that pass too. */
export interface SummaryRule {
  readonly id: string;
  readonly title: string;
  readonly severity: SummarySeverity;
  readonly pillar: SummaryPillar;
  /** ARM types the rule inspects (lets the report tell "passes" from "nothing to check"). */
  readonly resourceTypes: readonly string[];
}

/** Result of `aisec/summary`. */
export interface WorkspaceSummary {
  /** Increases with every change of the findings; equal versions mean equal content. */
  readonly version: number;
  /** True while the background workspace scan runs (findings are partial). */
  readonly scanning: boolean;
  /** IaC documents checked (Bicep, ARM, Terraform; skipped JSON not counted). */
  readonly files: number;
  /** Deployed (non-existing) resources per ARM type, over the whole workspace. */
  readonly resourceTypes: Readonly<Record<string, number>>;
  /** Every finding, suppressed ones included (marked). */
  readonly findings: readonly SummaryFinding[];
  readonly rules: readonly SummaryRule[];
  /** Unsuppressed findings counted several ways (computed by the server, so every client agrees). */
  readonly counts?: SummaryBreakdown;
  /** Posture per pillar: resources passing all rules of the pillar / resources the pillar applies to. */
  readonly posture?: Readonly<Record<SummaryPillar, PillarPosture>>;
}

/** Unsuppressed findings by severity (review findings under `review`), rule, resource, file and pillar. */
export interface SummaryBreakdown {
  readonly bySeverity: SummaryCounts;
  readonly byLevel: Readonly<Record<SummaryLevel, number>>;
  readonly byRule: Readonly<Record<string, number>>;
  /** Keyed by `<uri>#<resourceKey>` ('' key for template-level findings). */
  readonly byResource: Readonly<Record<string, number>>;
  readonly byFile: Readonly<Record<string, number>>;
  readonly byPillar: Readonly<Record<SummaryPillar, number>>;
}

export interface PillarPosture {
  /** Deployed resources of a type that at least one enabled rule of the pillar inspects. */
  readonly applicable: number;
  /** Of those: resources without a definite (unsuppressed) finding of the pillar's rules. */
  readonly passing: number;
  /** Of the passing ones: resources with "cannot verify" findings of the pillar. */
  readonly unverified: number;
  /** passing / applicable; null when nothing applies. */
  readonly ratio: number | null;
}

/** Params of `aisec/summary`; empty today (the whole workspace). */
export type SummaryParams = Record<string, never>;

/** Unsuppressed counts, cheap enough to send with every change. */
export interface SummaryCounts {
  readonly high: number;
  readonly medium: number;
  readonly low: number;
  /** Review (cannot verify) findings, not in the three above. */
  readonly review: number;
}

/** Params of the `aisec/summaryChanged` notification (server → client), sent debounced after changes. */
export interface SummaryChangedParams {
  readonly version: number;
  readonly scanning: boolean;
  readonly counts: SummaryCounts;
}

/** Request (client → server): rescan the workspace from disk; resolves when the scan is done. */
export interface RescanResult {
  readonly files: number;
  readonly durationMs: number;
}

export const SummaryRequestMethod = 'aisec/summary';
export const SummaryChangedNotificationMethod = 'aisec/summaryChanged';
export const RescanRequestMethod = 'aisec/rescan';

/**
 * `initializationOptions` the VS Code client sends; the client sends the same object again, whole, as
 * `workspace/didChangeConfiguration` `{ settings: AisecInitializationOptions }` whenever a setting, `files.exclude`
 * or the workspace trust changes. Other LSP clients may send nothing: then defaults apply (enabled, workspace
 * scan, trusted, no excludes).
 */
export interface AisecInitializationOptions {
  readonly settings: AisecClientSettings;
  /** Workspace trust: when false, `.aisec.json` files are not read (defaults only, DESIGN §6). */
  readonly trusted: boolean;
  /** `files.exclude` globs that are true, merged over the workspace (workspace-relative patterns). */
  readonly filesExclude: readonly string[];
}

export interface AisecClientSettings {
  readonly enable: boolean;
  /** 'workspace' scans every IaC file in the background; 'openFiles' checks open documents only. */
  readonly scanScope: 'workspace' | 'openFiles';
}

/** Command handled by the server (`workspace/executeCommand`, declared in `executeCommandProvider`): opens the
 *  docs page of a rule with `window/showDocument`. Arguments: `[ruleId]`. Clients must not register it themselves. */
export const ShowDocumentationCommand = 'aisec.showRuleDocumentation';

/** Code action kind of "Fix all aisec issues in this file" (safe fixes only; usable in `codeActionsOnSave`). */
export const FixAllCodeActionKind = 'source.fixAll.aisec';

/**
 * The `aisec` settings section as returned by `workspace/configuration` (generic LSP clients, e.g. neovim's
 * `settings = { aisec = { … } }`); every key optional. Values override the pushed `AisecInitializationOptions`.
 */
export interface AisecConfigurationSection {
  readonly enable?: boolean;
  readonly scan?: { readonly scope?: 'workspace' | 'openFiles'; readonly exclude?: readonly string[] };
  /** Only when no `.aisec.json` applies: 'off' hides "cannot verify" findings. */
  readonly unknownValues?: 'info' | 'off';
  readonly trace?: { readonly server?: 'off' | 'messages' | 'verbose' };
  /** Delay before re-checking after an edit, ms (default 150). */
  readonly debounceMs?: number;
  /** Base URL of the rule docs, `<base>/<ID>.md`; default: the pages shipped next to the server bundle. */
  readonly docsBaseUrl?: string;
}
