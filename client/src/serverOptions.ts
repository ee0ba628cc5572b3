// What the client tells the server: which documents, and the editor-side settings (DESIGN §6, §8).
import * as vscode from 'vscode';
import type { DocumentSelector } from 'vscode-languageclient/node';
import type { AisecClientSettings, AisecInitializationOptions } from '../../server/src/lsp/protocol';

/** Language ids owned by the official Bicep / HashiCorp / JSON / ARM Tools extensions: consumed, never declared. */
export const LANGUAGE_IDS = [
  'bicep',
  'bicep-params',
  'terraform',
  'terraform-vars',
  'json',
  'jsonc',
  'arm-template',
] as const;

/** File patterns, so the extension works without those extensions (files then open as plaintext). */
export const FILE_PATTERNS = [
  '**/*.bicep',
  '**/*.bicepparam',
  '**/*.tf',
  '**/*.tfvars',
  '**/*.json',
  '**/*.jsonc',
] as const;

export function documentSelector(): DocumentSelector {
  return [
    ...LANGUAGE_IDS.map((language) => ({ scheme: 'file', language })),
    ...FILE_PATTERNS.map((pattern) => ({ scheme: 'file', pattern })),
  ];
}

export function readSettings(): AisecClientSettings {
  const config = vscode.workspace.getConfiguration('aisec');
  const scope = config.get<string>('scan.scope', 'workspace');
  return {
    enable: config.get<boolean>('enable', true),
    scanScope: scope === 'openFiles' ? 'openFiles' : 'workspace',
  };
}

/** The `files.exclude` globs that are switched on. `{ when: … }` entries depend on sibling files: not passed. */
export function filesExclude(): string[] {
  const value = vscode.workspace.getConfiguration('files').get<Record<string, unknown>>('exclude') ?? {};
  return Object.entries(value)
    .filter(([, on]) => on === true)
    .map(([glob]) => glob);
}

export function initializationOptions(): AisecInitializationOptions {
  return { settings: readSettings(), trusted: vscode.workspace.isTrusted, filesExclude: filesExclude() };
}
