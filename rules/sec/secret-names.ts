// Whether a parameter's name says it holds a secret: `adminPassword`, `storage_account_key`, `apiKey`,
// `sqlConnectionString`, `sasToken`, `clientSecret` — but not `keyVaultName`, `secretName`, `passwordLength`,
// `sshPublicKey`, `enablePasswordAuth`, `maxTokens` or `resourceToken`, which name or configure a secret (or
// are no secret at all). Plural names (`secrets`, `tokens`) are collections of settings objects whose secret
// fields carry their own @secure() in a user-defined type, so they are not judged by name.

/** Last words that make a name a reference to, or a setting about, a secret rather than the secret. */
const NOT_A_SECRET_TAIL = new Set([
  'name',
  'names',
  'id',
  'ids',
  'uri',
  'uris',
  'url',
  'urls',
  'length',
  'expiry',
  'expiration',
  'expires',
  'enabled',
  'enable',
  'disabled',
  'version',
  'versions',
  'type',
  'types',
  'kind',
  'policy',
  'policies',
  'count',
  'mode',
  'auth',
  'authentication',
  'resource',
  'reference',
  'ref',
  'path',
  'field',
  'format',
  'rotation',
  'days',
  'source',
  'sources',
  'identifier',
  'permissions',
  'vault',
  'vaults',
  'store',
  'location',
  'size',
  'algorithm',
  'strength',
  'complexity',
  'required',
  'settings',
  'config',
  'prefix',
  'suffix',
  'label',
]);
const SECRET_TAIL = new Set(['password', 'passwd', 'pwd', 'secret', 'token', 'sas', 'credential', 'passphrase']);
/**
 * Words before the last one that make it a setting or a name rather than a secret: `maxTokens` (a model
 * parameter), `resourceToken` (the azd naming token), `federatedIdentityCredential` (a trust, not a secret).
 */
const NOT_A_SECRET_QUALIFIER = new Set([
  'max',
  'min',
  'num',
  'resource',
  'unique',
  'naming',
  'name',
  'federated',
  'identity',
  'page',
  'continuation',
  'cancellation',
]);
/** Words before a final 'key' that make it a credential (`apiKey`, `accountKey`) rather than a key name. */
const KEY_QUALIFIERS = new Set([
  'api',
  'access',
  'account',
  'storage',
  'shared',
  'master',
  'primary',
  'secondary',
  'admin',
  'query',
  'subscription',
  'auth',
  'private',
  'signing',
  'search',
  'openai',
  'ai',
  'service',
  'cognitive',
  'cosmos',
  'instance',
  'client',
  'function',
  'host',
  'app',
]);

function words(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

export function looksSecret(name: string): boolean {
  const parts = words(name);
  if (parts.length === 0) return false;
  const last = parts[parts.length - 1];
  const before = parts[parts.length - 2];
  if (NOT_A_SECRET_TAIL.has(last)) return false;
  if (parts.some((word) => word === 'public')) return false;
  if (before !== undefined && NOT_A_SECRET_QUALIFIER.has(before)) return false;
  if (SECRET_TAIL.has(last)) return true;
  if ((last === 'string' || last === 'strings') && before === 'connection') return true;
  if (last === 'key' || last === 'keys') {
    // `adminPasswordOrKey`, `apiKey`, `storageAccountKey`.
    if (parts.includes('password')) return true;
    return before !== undefined && KEY_QUALIFIERS.has(before);
  }
  return false;
}
