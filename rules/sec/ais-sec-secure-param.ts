// AIS-SEC-SECURE-PARAM (matrix row 72): a parameter that carries a password, key or token is declared
// secure (Bicep @secure(), ARM securestring/secureobject, Terraform sensitive = true), so that its value is
// not logged or kept in the deployment history, and it has no hard-coded default (a secret in source
// control, identical in every environment).
import { defineRule, type Fix, type ParsedDocument, type TemplateParameter } from '../../server/src/model';
import { looksSecret } from './secret-names';
import { TEMPLATE_TYPE } from './shared';

/**
 * Declared types that cannot be marked secure or hold no secret: booleans and numbers, and arrays (Bicep and
 * ARM accept @secure()/securestring only on strings and objects; secret items of an array of objects carry
 * @secure() in their user-defined type, which is not visible here).
 */
const NON_SECRET_TYPE = /^(bool|int|number|array|list|set|tuple)\b|\[\]\??$/;

export default defineRule({
  meta: {
    id: 'AIS-SEC-SECURE-PARAM',
    title: 'Declare secret parameters secure and without hard-coded defaults',
    severity: 'high',
    pillar: 'identity',
    resourceTypes: [TEMPLATE_TYPE],
    peers: {
      checkov: ['CKV_AZURE_131'],
      psrule: ['Azure.Deployment.SecureParameter', 'Azure.Deployment.SecureValue'],
    },
    documentRule: true,
    fix: 'safe',
  },
  check(context) {
    const document = context.document;
    for (const parameter of document.parameters ?? []) {
      if (parameter.type !== undefined && NON_SECRET_TYPE.test(parameter.type)) continue;
      if (!parameter.secure) {
        if (!looksSecret(parameter.name)) continue;
        context.report({
          span: parameter.nameSpan,
          message: `${capitalized(noun(document))} '${parameter.name}' looks like it holds a secret but is not ${secureWord(document)}: ${makeSecure(document)}.`,
          fixes: [markSecureFix(document, parameter)],
        });
        continue;
      }
      const literal = hardCodedDefault(parameter);
      if (literal === undefined) continue;
      context.report({
        span: parameter.nameSpan,
        value: parameter.defaultValue,
        message: `${capitalized(secureWord(document))} ${noun(document)} '${parameter.name}' has a hard-coded default value: remove the default and supply the value at deployment (${supplyHint(document)}).`,
      });
    }
  },
});

/** A known default that is a non-empty string or a non-empty object (not '' or {} or an expression). */
function hardCodedDefault(parameter: TemplateParameter): unknown {
  const value = parameter.defaultValue;
  if (value === undefined) return undefined;
  if (value.kind === 'literal') return typeof value.value === 'string' && value.value !== '' ? value.value : undefined;
  if (value.kind === 'object') return value.properties.length > 0 ? value : undefined;
  return undefined;
}

function noun(document: ParsedDocument): string {
  return document.language === 'terraform' ? 'variable' : 'parameter';
}

function capitalized(text: string): string {
  return text[0].toUpperCase() + text.slice(1);
}

function secureWord(document: ParsedDocument): string {
  return document.language === 'terraform' ? 'sensitive' : 'secure';
}

function makeSecure(document: ParsedDocument): string {
  if (document.language === 'terraform') return 'add sensitive = true';
  if (document.language === 'arm') return "declare it with type 'securestring' (or 'secureobject')";
  return 'add the @secure() decorator';
}

/**
 * Safe (DESIGN §9): an in-place edit of the flagged declaration that the same edit undoes. edit/ declines it
 * where it cannot be written (a Bicep user-defined type, an ARM type other than string/object).
 */
function markSecureFix(document: ParsedDocument, parameter: TemplateParameter): Fix {
  const title =
    document.language === 'terraform'
      ? `Set sensitive = true on variable '${parameter.name}'`
      : document.language === 'arm'
        ? `Declare parameter '${parameter.name}' as ${parameter.type === 'object' ? 'secureObject' : 'secureString'}`
        : `Add @secure() to parameter '${parameter.name}'`;
  return {
    title,
    applicability: 'safe',
    edits: [{ kind: 'markSecure', target: 'parameter', uri: document.uri, name: parameter.name }],
  };
}

function supplyHint(document: ParsedDocument): string {
  if (document.language === 'terraform') return 'a TF_VAR_ environment variable or a secret store';
  if (document.language === 'arm') return 'a Key Vault reference in the parameter file';
  return 'az.getSecret() in a .bicepparam file, or a Key Vault reference';
}
