// `.aisec.json` (DESIGN §6): JSON with comments, found by walking up from a file, validated against
// schemas/aisec.schema.json. One resolved shape for the CLI and the language server.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { allRules, ruleById } from '../../../rules';
import type { Severity } from '../model';
import { LineIndex } from '../model/span';
import schema from '../../../schemas/aisec.schema.json';

export type RuleSeverity = 'error' | 'warning' | 'info' | 'off';

export const CONFIG_FILE_NAME = '.aisec.json';

/** True for the uri of a configuration file (the server and sessions hold them beside IaC files). */
export function isConfigUri(uri: string): boolean {
  return uri.slice(uri.lastIndexOf('/') + 1) === CONFIG_FILE_NAME;
}

export interface ResolvedConfig {
  /** Level per rule id (keys upper-cased); rules not listed use their default level. */
  readonly rules: Readonly<Record<string, RuleSeverity>>;
  /** Globs relative to `baseDir` of files never scanned. */
  readonly exclude: readonly string[];
  readonly unknownValues: 'info' | 'off';
  readonly requireSuppressionReason: boolean;
  /** Skip ARM templates the Bicep compiler generated when their `.bicep` source is in the workspace. */
  readonly skipBicepGeneratedArm: boolean;
  /** Options per rule id (keys upper-cased), merged over the rule's `defaultOptions`. */
  readonly ruleOptions: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** The file the configuration was read from; undefined for the defaults. */
  readonly source?: string;
  /** Directory `exclude` globs are relative to (the config file's directory). */
  readonly baseDir?: string;
}

export const DEFAULT_CONFIG: ResolvedConfig = Object.freeze({
  rules: {},
  exclude: [],
  unknownValues: 'info',
  requireSuppressionReason: false,
  skipBicepGeneratedArm: true,
  ruleOptions: {},
});

/** An unreadable or invalid configuration file: the CLI exits 2, the editor shows it on the file. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly problems: readonly { readonly message: string; readonly line?: number; readonly column?: number }[],
  ) {
    super(
      `Invalid configuration ${file}:\n` +
        problems.map((p) => `  ${p.line !== undefined ? `${p.line}:${p.column ?? 1} ` : ''}${p.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

/** The level a rule of this severity has when the config does not name it. */
export function defaultLevel(severity: Severity): Exclude<RuleSeverity, 'off'> {
  return severity === 'high' ? 'error' : severity === 'medium' ? 'warning' : 'info';
}

/** The configured level of a rule ('off' = not run). */
export function levelOf(config: ResolvedConfig, ruleId: string, severity: Severity): RuleSeverity {
  return config.rules[ruleId.toUpperCase()] ?? defaultLevel(severity);
}

export function optionsOf(config: ResolvedConfig, ruleId: string, defaults?: Readonly<Record<string, unknown>>) {
  return { ...(defaults ?? {}), ...(config.ruleOptions[ruleId.toUpperCase()] ?? {}) };
}

/** The nearest `.aisec.json` walking up from `forFile`'s directory, or undefined. */
export function findConfigFile(forFile: string): string | undefined {
  let dir = path.resolve(path.dirname(forFile));
  for (;;) {
    const found = configFileIn(dir);
    if (found) return found;
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** `dir`'s own `.aisec.json` (a file, not a directory of that name), or undefined. */
function configFileIn(dir: string): string | undefined {
  const candidate = path.join(dir, CONFIG_FILE_NAME);
  return fs.existsSync(candidate) && fs.statSync(candidate).isFile() ? candidate : undefined;
}

const cache = new Map<string, { readonly mtimeMs: number; readonly size: number; readonly config: ResolvedConfig }>();

/**
 * The configuration that applies to `forFile` (a path): the nearest `.aisec.json` walking up, else the
 * defaults. Throws ConfigError when that file is invalid. Re-reads a file only when it changed.
 */
export function loadConfig(forFile: string): ResolvedConfig {
  const file = findConfigFile(forFile);
  return file ? readConfigFile(file) : DEFAULT_CONFIG;
}

/**
 * `loadConfig` for many files at once (one scan, or one generation of a session): the nearest `.aisec.json`
 * looked up once per directory (the walk up stats every parent: 10,000 files, 60,000 stats), and each
 * directory's answer kept, an invalid file's ConfigError too. The configuration files are taken as they are
 * when first read.
 */
export function configLookup(): (forFile: string) => ResolvedConfig {
  const nearestByDirectory = new Map<string, string | undefined>();
  const configByDirectory = new Map<string, ResolvedConfig | ConfigError>();
  const nearest = (dir: string): string | undefined => {
    if (nearestByDirectory.has(dir)) return nearestByDirectory.get(dir);
    const parent = path.dirname(dir);
    const found = configFileIn(dir) ?? (parent === dir ? undefined : nearest(parent));
    nearestByDirectory.set(dir, found);
    return found;
  };
  return (forFile) => {
    const dir = path.resolve(path.dirname(forFile));
    let entry = configByDirectory.get(dir);
    if (entry === undefined) {
      const file = nearest(dir);
      try {
        entry = file ? readConfigFile(file) : DEFAULT_CONFIG;
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        entry = error;
      }
      configByDirectory.set(dir, entry);
    }
    if (entry instanceof ConfigError) throw entry;
    return entry;
  };
}

/** Reads and validates one configuration file (cached by modification time and size). */
export function readConfigFile(file: string): ResolvedConfig {
  const absolute = path.resolve(file);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(absolute);
  } catch (error) {
    throw new ConfigError(absolute, [{ message: `cannot read: ${(error as Error).message}` }]);
  }
  const cached = cache.get(absolute);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.config;
  const config = parseConfig(fs.readFileSync(absolute, 'utf8'), absolute);
  cache.set(absolute, { mtimeMs: stat.mtimeMs, size: stat.size, config });
  return config;
}

let validator: ReturnType<Ajv['compile']> | undefined;

/** Parses configuration text (JSONC); `file` names it in errors and anchors `exclude`. */
export function parseConfig(text: string, file: string): ResolvedConfig {
  const lines = new LineIndex(text);
  const at = (offset: number) => {
    const position = lines.positionAt(offset);
    return { line: position.line + 1, column: position.character + 1 };
  };
  const errors: ParseError[] = [];
  const json: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0) {
    throw new ConfigError(
      file,
      errors.map((e) => ({ message: `JSON syntax: ${printParseErrorCode(e.error)}`, ...at(e.offset) })),
    );
  }
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(schema);
  if (!validator(json)) {
    throw new ConfigError(
      file,
      (validator.errors ?? []).map((e) => ({
        message: `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}${
          e.params && 'allowedValues' in e.params ? `: ${(e.params.allowedValues as unknown[]).join(', ')}` : ''
        }${e.params && 'additionalProperty' in e.params ? ` ('${String(e.params.additionalProperty)}')` : ''}`,
      })),
    );
  }
  const raw = json as {
    rules?: Record<string, RuleSeverity>;
    exclude?: string[];
    unknownValues?: 'info' | 'off';
    requireSuppressionReason?: boolean;
    skipBicepGeneratedArm?: boolean;
    ruleOptions?: Record<string, Record<string, unknown>>;
  };
  const unknownIds = [...Object.keys(raw.rules ?? {}), ...Object.keys(raw.ruleOptions ?? {})].filter(
    (id) => !ruleById(id),
  );
  if (unknownIds.length > 0) {
    throw new ConfigError(
      file,
      unknownIds.map((id) => ({
        message: `unknown rule id '${id}' (known: ${allRules.map((r) => r.meta.id).join(', ')})`,
      })),
    );
  }
  const upperKeys = <T>(record: Record<string, T> | undefined): Record<string, T> =>
    Object.fromEntries(Object.entries(record ?? {}).map(([key, value]) => [key.toUpperCase(), value]));
  return {
    rules: upperKeys(raw.rules),
    exclude: raw.exclude ?? [],
    unknownValues: raw.unknownValues ?? 'info',
    requireSuppressionReason: raw.requireSuppressionReason ?? false,
    skipBicepGeneratedArm: raw.skipBicepGeneratedArm ?? true,
    ruleOptions: upperKeys(raw.ruleOptions),
    source: file,
    baseDir: path.dirname(file),
  };
}
