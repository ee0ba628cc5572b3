// AIS-MLE-AUTH-MODE (matrix row 31): callers of an online endpoint authenticate with Microsoft Entra ID
// tokens ('AADToken'), not with endpoint keys ('Key', long-lived shared secrets) or Azure Machine Learning
// tokens ('AMLToken', issued by the workspace, outside Entra ID Conditional Access and role assignments).
import { defineRule, oneOf, requireProperty, setFix, stringListOption } from '../../server/src/model';
import { ENDPOINT_TYPE, isKubernetesEndpoint } from './shared';

const AUTH = 'properties.authMode';

export default defineRule({
  meta: {
    id: 'AIS-MLE-AUTH-MODE',
    title: 'Authenticate Machine Learning online endpoint callers with Microsoft Entra ID tokens',
    severity: 'medium',
    pillar: 'identity',
    resourceTypes: [ENDPOINT_TYPE],
    peers: {},
    fix: 'safe',
    // Add 'AMLToken' to accept workspace-issued tokens too.
    defaultOptions: { allowedModes: ['AADToken'] },
  },
  check(context) {
    const allowed = stringListOption(context, 'allowedModes', ['AADToken']);
    for (const endpoint of context.resources) {
      if (isKubernetesEndpoint(endpoint)) continue;
      const value = endpoint.get(AUTH);
      const aml = value?.kind === 'literal' && oneOf('AMLToken')(value.value) === true;
      requireProperty(context, endpoint, {
        path: AUTH,
        isSecure: oneOf(...allowed),
        // authMode is required; tools that create endpoints default to 'Key'.
        absent: 'fail',
        describe: {
          secureState: 'authenticates callers with Microsoft Entra ID tokens',
          problem: aml
            ? 'authenticates callers with workspace-issued tokens rather than Microsoft Entra ID'
            : 'authenticates callers with keys',
          remedy: "set properties.authMode to 'AADToken'",
          setting: AUTH,
        },
        fix: (resource) => setFix(resource, AUTH, 'AADToken', "Set authMode to 'AADToken'", 'safe'),
      });
    }
  },
});
