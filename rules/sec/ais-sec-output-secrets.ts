// AIS-SEC-OUTPUT-SECRETS (matrix row 70): template outputs are kept in the deployment history (Terraform:
// in the state and `terraform output`), readable by anyone with read access to the resource group. A key
// or a secure parameter in an output leaks it to all of them.
//
// In Bicep the linter rule `outputs-should-not-contain-secrets` (on by default) already reports list*()
// calls and secure parameters written in the output expression; this rule reports only what it misses:
// secrets that reach an output through a variable (Azure/bicep#9314).
import { defineRule, secretSources, type Resource, type TemplateOutput } from '../../server/src/model';
import { describeSecret, secureParameterNames, TEMPLATE_TYPE } from './shared';

export default defineRule({
  meta: {
    id: 'AIS-SEC-OUTPUT-SECRETS',
    title: 'Keep keys and secure parameters out of template outputs',
    severity: 'high',
    pillar: 'identity',
    resourceTypes: [TEMPLATE_TYPE],
    peers: { psrule: ['Azure.Deployment.OutputSecretValue'] },
    documentRule: true,
    fix: 'safe',
  },
  check(context) {
    const document = context.document;
    const secure = secureParameterNames(document);
    const terraform = document.language === 'terraform';
    const anchor: Resource | undefined = document.resources[0];
    for (const output of document.outputs ?? []) {
      if (output.secure) continue;
      for (const source of secretSources(output.value, secure)) {
        if (document.language === 'bicep' && !throughVariable(source.value)) continue;
        // Terraform itself refuses to show sensitive variables in an unmarked output; keys are what matter.
        if (terraform && source.what.startsWith('secure ')) continue;
        context.report({
          span: output.span,
          value: source.value,
          message: message(output, describeSecret(context.workspace, source, anchor), terraform),
          // Terraform: `sensitive = true` (safe: an in-place edit of the flagged output). Bicep/ARM: the fix is
          // to delete the output, which only the author can decide (consumers read it).
          fixes: terraform
            ? [
                {
                  title: `Set sensitive = true on output '${output.name}'`,
                  applicability: 'safe',
                  edits: [{ kind: 'markSecure', target: 'output', uri: document.uri, name: output.name }],
                },
              ]
            : undefined,
        });
        break;
      }
    }
  },
});

function message(output: TemplateOutput, secret: string, terraform: boolean): string {
  return terraform
    ? `Output '${output.name}' returns ${secret}, which is then kept in the state and shown by terraform output: remove the output (or at least set sensitive = true).`
    : `Output '${output.name}' returns ${secret}, which is kept in the deployment history for anyone with read access: remove the output and let consumers use a managed identity (or read the secret where it is needed).`;
}

/** Bicep: the secret reached the output through a variable (the linter looks at the output expression only). */
function throughVariable(value: { readonly origins?: readonly { readonly description: string }[] }): boolean {
  return (value.origins ?? []).some((origin) => origin.description.startsWith('variable '));
}
