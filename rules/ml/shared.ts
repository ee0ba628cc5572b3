// What the AIS-ML rules share: the workspace type and the kind filter. Machine Learning workspaces have the
// kinds Default (absent), Hub, Project and FeatureStore; a hub-based AI Foundry project (kind Project)
// inherits network isolation, encryption and storage settings from its hub, so those rules skip projects.
import { oneOf, type Phrase, type Resource, type RuleContext } from '../../server/src/model';
import { appliesWhen } from './applicability';

export const WORKSPACE_TYPE = 'Microsoft.MachineLearningServices/workspaces';

/** Runs `check` for every workspace kind except Project (the hub decides); absent kind = Default. */
export function unlessProject(
  context: RuleContext,
  workspace: Resource,
  secureState: Phrase,
  check: (context: RuleContext) => void,
): void {
  appliesWhen(
    context,
    workspace,
    {
      path: 'kind',
      applies: (kind) => !oneOf('Project')(kind),
      absent: true,
      secureState,
      scope: 'the rule skips Foundry projects (kind Project), whose hub decides this',
    },
    check,
  );
}

/** azurerm_ai_foundry and azurerm_ai_foundry_project spell some workspace attributes differently. */
export function isFoundryResource(workspace: Resource): boolean {
  return /^azurerm_ai_foundry/i.test(workspace.sourceType ?? '');
}
