// Things the AIS-SEC rules share: where a secret comes from, in words, and which parameters are secure.
import {
  resourceLabel,
  type ParsedDocument,
  type Resource,
  type SecretSource,
  type WorkspaceView,
} from '../../server/src/model';

/** Document rules run once per template; the engine ignores their resource types (the template itself). */
export const TEMPLATE_TYPE = 'Microsoft.Resources/deployments';

/** "the key of storage account 'st' (listKeys())", or "a key (listKeys())" when the owner is not known. */
export function describeSecret(workspace: WorkspaceView, source: SecretSource, from: Resource | undefined): string {
  if (source.what.startsWith('secure ')) return `the value of ${source.what}`;
  const owner = source.reference && from ? workspace.resolve(source.reference, from) : undefined;
  if (owner) return `a secret of ${resourceLabel(owner)} (${source.what})`;
  return `a secret (${source.what})`;
}

/** Lower-case names of the template's secure parameters (Bicep @secure(), ARM secureString, TF sensitive). */
export function secureParameterNames(document: ParsedDocument): Set<string> {
  return new Set((document.parameters ?? []).filter((p) => p.secure).map((p) => p.name.toLowerCase()));
}
