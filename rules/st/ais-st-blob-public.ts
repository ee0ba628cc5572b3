// AIS-ST-BLOB-PUBLIC (matrix row 42): no container may be readable anonymously. The account-level switch
// (allowBlobPublicAccess) overrides every container's setting, so it is the control that matters; a container
// that asks for public access is reported too, unless its account is known to forbid it.
import {
  defineRule,
  dialectOf,
  equals,
  judge,
  oneOf,
  reportJudgement,
  resourceLabel,
  setFix,
  type Judgement,
  type Resource,
  type RuleContext,
} from '../../server/src/model';
import { CONTAINER_TYPE, STORAGE_TYPE } from './shared';

const ALLOW = 'properties.allowBlobPublicAccess';
const PUBLIC_ACCESS = 'properties.publicAccess';

/** API version from which an absent allowBlobPublicAccess means false (the REST spec's "default interpretation"). */
const SECURE_DEFAULT_API = '2023-01-01';

export default defineRule({
  meta: {
    id: 'AIS-ST-BLOB-PUBLIC',
    title: 'Disallow anonymous public access to blobs',
    severity: 'high',
    pillar: 'network',
    resourceTypes: [STORAGE_TYPE, CONTAINER_TYPE],
    peers: {
      checkov: ['CKV_AZURE_190', 'CKV2_AZURE_47', 'CKV_AZURE_34'],
      kics: ['dd5230f8'],
      trivy: ['AVD-AZU-0007'],
      psrule: ['Azure.Storage.BlobPublicAccess', 'Azure.Storage.BlobAccessType'],
      policy: ['Storage account public access should be disallowed'],
    },
    fix: 'safe',
  },
  check(context) {
    for (const resource of context.resources) {
      if (resource.isType(STORAGE_TYPE)) checkAccount(context, resource);
      else checkContainer(context, resource);
    }
  },
});

/**
 * The account-level switch. Absent means true for azurerm (`allow_nested_items_to_be_public` defaults to
 * true) and for ARM API versions before 2023-01-01, false from 2023-01-01 on.
 */
export function blobPublicAccess(account: Resource): Judgement {
  const value = account.get(ALLOW);
  if (value !== undefined) return judge(value, equals(false), 'fail');
  if (dialectOf(account) === 'azurerm') return { outcome: 'fail', absent: true };
  const api = account.apiVersion;
  if (api === undefined || !/^\d{4}-\d{2}-\d{2}/.test(api)) {
    return { outcome: 'unknown', absent: true, reason: 'its default depends on the API version, which is not known' };
  }
  return { outcome: api.slice(0, 10) >= SECURE_DEFAULT_API ? 'pass' : 'fail', absent: true };
}

function checkAccount(context: RuleContext, account: Resource): void {
  const judgement = blobPublicAccess(account);
  const oldDefault = judgement.absent && dialectOf(account) !== 'azurerm';
  reportJudgement(context, account, judgement, {
    path: ALLOW,
    describe: {
      secureState: 'disallows anonymous access to blobs',
      problem: oldDefault
        ? `allows containers to be made public (allowBlobPublicAccess is absent, which means true before API version ${SECURE_DEFAULT_API})`
        : 'allows containers to be made public',
      remedy: {
        arm: 'set properties.allowBlobPublicAccess to false',
        azurerm: 'set allow_nested_items_to_be_public = false',
      },
      setting: { arm: ALLOW, azurerm: 'allow_nested_items_to_be_public' },
    },
    fix: (resource) =>
      setFix(
        resource,
        ALLOW,
        false,
        { arm: 'Set allowBlobPublicAccess to false', azurerm: 'Set allow_nested_items_to_be_public = false' },
        'safe',
      ),
  });
}

function checkContainer(context: RuleContext, container: Resource): void {
  // Absent: 'None' (private), in ARM and azurerm (container_access_type defaults to "private").
  const judgement = judge(container.get(PUBLIC_ACCESS), oneOf('None'), 'pass');
  if (judgement.outcome === 'pass') return;
  const account = accountOf(context, container);
  if (account && blobPublicAccess(account).outcome === 'pass') return;
  reportJudgement(context, container, judgement, {
    path: PUBLIC_ACCESS,
    describe: {
      secureState: 'is private',
      problem: account
        ? `can be read anonymously, since ${resourceLabel(account)} allows public containers`
        : 'asks for anonymous read access',
      remedy: {
        arm: "set properties.publicAccess to 'None'",
        azurerm: 'set container_access_type = "private"',
      },
      setting: { arm: PUBLIC_ACCESS, azurerm: 'container_access_type' },
    },
    fix: (resource) =>
      setFix(
        resource,
        PUBLIC_ACCESS,
        'None',
        { arm: "Set publicAccess to 'None'", azurerm: 'Set container_access_type = "private"' },
        'safe',
      ),
  });
}

/** The container's storage account when it is declared in the same document (through `parent` links). */
function accountOf(context: RuleContext, container: Resource): Resource | undefined {
  let current: Resource | undefined = container;
  for (let hops = 0; current && hops < 3; hops++) {
    const parentKey: string | undefined = current.parentKey;
    if (parentKey === undefined) return undefined;
    current = context.document.resources.find((r) => r.key === parentKey && r.uri === container.uri);
    if (current?.isType(STORAGE_TYPE)) return current.existing ? undefined : current;
  }
  return undefined;
}
