// AIS-OAI-RAI-MODE (matrix row 14): in asynchronous mode ('Asynchronous_filter', called 'Deferred' before
// API version 2025-06-01) streamed completions reach the client before the content filter has judged them.
import { defineRule, oneOf, requireProperty, setFix, stringListOption } from '../../server/src/model';
import { RAI_POLICY_TYPE } from './shared';

const MODE = 'properties.mode';
/** 'Default' and 'Blocking' filter before content is returned; absent is 'Default'. */
export const SYNCHRONOUS_MODES = ['Default', 'Blocking'];

export default defineRule({
  meta: {
    id: 'AIS-OAI-RAI-MODE',
    title: 'Filter content before it is streamed (no asynchronous RAI policy mode)',
    severity: 'low',
    pillar: 'content-safety',
    resourceTypes: [RAI_POLICY_TYPE],
    peers: { policy: ['[Preview]: Cognitive Services Deployments Should Only Use Allowed Control Mode'] },
    fix: 'safe',
    defaultOptions: { allowedModes: SYNCHRONOUS_MODES },
  },
  check(context) {
    const allowed = stringListOption(context, 'allowedModes', SYNCHRONOUS_MODES);
    for (const policy of context.resources) {
      requireProperty(context, policy, {
        path: MODE,
        isSecure: oneOf(...allowed),
        // Absent: 'Default' (synchronous filtering).
        absent: allowed.some((mode) => mode.toLowerCase() === 'default') ? 'pass' : 'fail',
        describe: {
          secureState: 'filters content before it is returned',
          problem: 'returns streamed content before the content filter has judged it (asynchronous filter)',
          remedy: { arm: "set properties.mode to 'Default'", azurerm: 'set mode = "Default"' },
          setting: { arm: MODE, azurerm: 'mode' },
        },
        fix: (resource) =>
          setFix(resource, MODE, 'Default', { arm: "Set mode to 'Default'", azurerm: 'Set mode = "Default"' }, 'safe'),
      });
    }
  },
});
