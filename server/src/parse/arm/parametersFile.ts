// ARM parameters files (`$schema` …/deploymentParameters.json): the values they supply and the templates
// they feed. A parameters file does not name its template, so the pairing follows the conventions of the
// Azure tooling, in the same folder:
//
//   X.parameters.json, X.parameters.<env>.json  →  X.json and X.bicep   (azuredeploy.parameters.json →
//                                                   azuredeploy.json; azd's main.parameters.json → main.bicep)
//   X.<env>.parameters.json                      →  also the above for X (azd's main.waf.parameters.json)
//   parameters.json                              →  template.json (the portal's "export template" pair)
//
// A link to a file that does not exist is harmless: the engine only applies links to templates it has.
// Values are plain JSON (ARM does not evaluate expressions in parameters files); azd's `${VAR}`
// substitutions and Key Vault references are unknown.
import type { Node } from 'jsonc-parser';
import type { TemplateLink } from '../../model/frontend';
import { make, type Property, type Value } from '../../model/value';
import { keyVaultReference } from './template';
import { child, entries, spanOfNode } from './json';

export function parameterValues(root: Node, text: string): Map<string, Value> {
  const values = new Map<string, Value>();
  for (const [name, , entry] of entries(child(root, 'parameters'))) {
    if (!entry) continue;
    const value = child(entry, 'value');
    if (value) values.set(name.toLowerCase(), plainValue(value, text));
    else if (child(entry, 'reference')) values.set(name.toLowerCase(), keyVaultReference(entry, text));
  }
  return values;
}

/** JSON as written, except azd environment substitutions (`${AZURE_LOCATION}`), which are unknown. */
function plainValue(node: Node, text: string): Value {
  const span = spanOfNode(node);
  switch (node.type) {
    case 'string': {
      const value = node.value as string;
      const substitution = /\$\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}/.exec(value);
      if (substitution) {
        return make.unknown(
          value,
          `set by azd from environment variable '${substitution[1]}' at deployment time`,
          span,
        );
      }
      return make.literal(value, span);
    }
    case 'number':
    case 'boolean':
    case 'null':
      return make.literal((node.value ?? null) as string | number | boolean | null, span);
    case 'array':
      return make.array(
        (node.children ?? []).map((item) => plainValue(item, text)),
        span,
      );
    case 'object': {
      const properties: Property[] = [];
      for (const [name, key, value] of entries(node)) {
        if (value)
          properties.push(make.property(name, spanOfNode(key), plainValue(value, text), spanOfNode(key.parent!)));
      }
      return make.object(properties, span);
    }
    default:
      return make.unknown(text.slice(span.start, span.end), 'not a value', span);
  }
}

/** The template uris a parameters file feeds, by the conventions above. */
export function pairedTemplates(uri: string): string[] {
  const [path] = uri.split(/[?#]/);
  const slash = path.lastIndexOf('/');
  const folder = path.slice(0, slash + 1);
  const fileName = path.slice(slash + 1);
  const lower = fileName.toLowerCase();
  const bases: string[] = [];
  if (/^parameters\.jsonc?$/.test(lower)) return [folder + 'template.json'];
  const at = lower.lastIndexOf('.parameters.');
  if (at > 0) {
    const base = fileName.slice(0, at);
    bases.push(base);
    const dot = base.lastIndexOf('.');
    if (dot > 0) bases.push(base.slice(0, dot));
  }
  return bases.flatMap((base) => [`${folder}${base}.json`, `${folder}${base}.bicep`]);
}

export function parameterFileLinks(uri: string, values: ReadonlyMap<string, Value>): TemplateLink[] {
  const fileName = decodeURIComponent(uri.split(/[?#]/)[0].split('/').pop() ?? uri);
  return pairedTemplates(uri).map((templateUri) => ({
    templateUri,
    supplier: { uri, description: `parameters file ${fileName}`, values },
  }));
}
