// Settings per resource. Two sources, merged in this order over the defaults:
//   1. what the VS Code client pushes (initializationOptions, then `workspace/didChangeConfiguration`
//      `{ settings: AisecInitializationOptions }`): enable, scan scope, trust, files.exclude;
//   2. `workspace/configuration` section `aisec` for the resource, when the client supports it (any LSP client).
// Pulled settings are cached per resource and the cache is cleared on every configuration change; nothing is
// kept in globals beyond that cache (vscode-eslint's rule).
import type { Connection } from 'vscode-languageserver';
import type { AisecConfigurationSection, AisecInitializationOptions } from './protocol';

export interface EffectiveSettings {
  readonly enable: boolean;
  readonly scanScope: 'workspace' | 'openFiles';
  /** Workspace-relative globs excluded from the workspace scan (files.exclude + aisec.scan.exclude). */
  readonly exclude: readonly string[];
  readonly unknownValues?: 'info' | 'off';
  readonly debounceMs: number;
  readonly docsBaseUrl?: string;
}

export const defaultEffectiveSettings: EffectiveSettings = {
  enable: true,
  scanScope: 'workspace',
  exclude: [],
  debounceMs: 150,
};

/** What the client pushed; every field optional because other clients send arbitrary or no options. */
interface Pushed {
  trusted: boolean;
  settings: Partial<EffectiveSettings>;
  filesExclude: readonly string[];
}

export class SettingsStore {
  private pushed: Pushed = { trusted: true, settings: {}, filesExclude: [] };
  private readonly cache = new Map<string, Promise<EffectiveSettings>>();
  private canPull = false;

  constructor(private readonly connection: Connection) {}

  /** From `initialize`: the init options and whether the client answers `workspace/configuration`. */
  initialize(options: unknown, clientSupportsConfiguration: boolean): void {
    this.canPull = clientSupportsConfiguration;
    this.push(options);
  }

  get trusted(): boolean {
    return this.pushed.trusted;
  }

  /**
   * Adopts pushed settings (`AisecInitializationOptions`, or any object: unknown shapes are ignored field by
   * field) and clears the cache. Returns true when the trust changed (the sessions must be rebuilt).
   */
  push(options: unknown): boolean {
    const wasTrusted = this.pushed.trusted;
    this.cache.clear();
    if (!isObject(options)) return false;
    const init = options as Partial<AisecInitializationOptions>;
    const settings: Partial<AisecInitializationOptions['settings']> = isObject(init.settings) ? init.settings : {};
    this.pushed = {
      trusted: typeof init.trusted === 'boolean' ? init.trusted : this.pushed.trusted,
      settings: {
        ...(typeof settings.enable === 'boolean' ? { enable: settings.enable } : {}),
        ...(settings.scanScope === 'workspace' || settings.scanScope === 'openFiles'
          ? { scanScope: settings.scanScope }
          : {}),
      },
      filesExclude: Array.isArray(init.filesExclude)
        ? init.filesExclude.filter((g): g is string => typeof g === 'string')
        : this.pushed.filesExclude,
    };
    return wasTrusted !== this.pushed.trusted;
  }

  /** Forget pulled values (after `workspace/didChangeConfiguration`). */
  clear(): void {
    this.cache.clear();
  }

  /** Settings for a document or folder uri. Never rejects: a failing client falls back to pushed values. */
  get(resource: string | undefined): Promise<EffectiveSettings> {
    const key = resource ?? '';
    let pending = this.cache.get(key);
    if (!pending) {
      pending = this.pull(resource).then((section) => this.merge(section));
      this.cache.set(key, pending);
    }
    return pending;
  }

  private async pull(resource: string | undefined): Promise<AisecConfigurationSection | undefined> {
    if (!this.canPull) return undefined;
    try {
      const section: unknown = await this.connection.workspace.getConfiguration({
        scopeUri: resource,
        section: 'aisec',
      });
      return isObject(section) ? (section as AisecConfigurationSection) : undefined;
    } catch (error) {
      this.connection.console.warn(`aisec: workspace/configuration failed (${String(error)}); using defaults`);
      return undefined;
    }
  }

  private merge(section: AisecConfigurationSection | undefined): EffectiveSettings {
    const pushed = this.pushed.settings;
    const scan = isObject(section?.scan) ? section.scan : undefined;
    const scope = scan?.scope === 'workspace' || scan?.scope === 'openFiles' ? scan.scope : undefined;
    const extraExclude = Array.isArray(scan?.exclude)
      ? scan.exclude.filter((g): g is string => typeof g === 'string')
      : [];
    const debounce = section?.debounceMs;
    return {
      enable:
        typeof section?.enable === 'boolean' ? section.enable : (pushed.enable ?? defaultEffectiveSettings.enable),
      scanScope: scope ?? pushed.scanScope ?? defaultEffectiveSettings.scanScope,
      exclude: [...this.pushed.filesExclude, ...extraExclude],
      unknownValues:
        section?.unknownValues === 'info' || section?.unknownValues === 'off' ? section.unknownValues : undefined,
      debounceMs:
        typeof debounce === 'number' && Number.isFinite(debounce) && debounce >= 0 && debounce <= 10_000
          ? debounce
          : defaultEffectiveSettings.debounceMs,
      docsBaseUrl:
        typeof section?.docsBaseUrl === 'string' && section.docsBaseUrl.length > 0 ? section.docsBaseUrl : undefined,
    };
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
