// AIS-ST-TLS-HTTPS (matrix row 43): clients reach the account over HTTPS only, with TLS 1.2 or later.
// Defaults differ by syntax: azurerm defaults to TLS1_2 and HTTPS only; ARM defaults to HTTPS only (API
// 2019-04-01 and later) but to TLS1_0 when minimumTlsVersion is absent.
import { defineRule, dialectOf, equals, judge, oneOf, reportJudgement, setFix } from '../../server/src/model';
import { STORAGE_TYPE } from './shared';

const TLS = 'properties.minimumTlsVersion';
const HTTPS = 'properties.supportsHttpsTrafficOnly';

export default defineRule({
  meta: {
    id: 'AIS-ST-TLS-HTTPS',
    title: 'Require HTTPS and TLS 1.2 or later on storage accounts',
    severity: 'high',
    pillar: 'network',
    resourceTypes: [STORAGE_TYPE],
    peers: {
      checkov: ['CKV_AZURE_44', 'CKV_AZURE_3'],
      kics: ['12944ec4'],
      trivy: ['AVD-AZU-0011', 'AVD-AZU-0008'],
      psrule: ['Azure.Storage.MinTLS', 'Azure.Storage.SecureTransfer'],
      policy: [
        'Storage accounts should have the specified minimum TLS version',
        'Secure transfer to storage accounts should be enabled',
      ],
    },
    fix: 'safe',
  },
  check(context) {
    for (const account of context.resources) {
      const azurerm = dialectOf(account) === 'azurerm';
      reportJudgement(context, account, judge(account.get(TLS), oneOf('TLS1_2', 'TLS1_3'), azurerm ? 'pass' : 'fail'), {
        path: TLS,
        describe: {
          secureState: 'requires TLS 1.2 or later',
          problem: azurerm
            ? 'accepts TLS versions older than 1.2'
            : 'accepts TLS versions older than 1.2 (absent means TLS1_0)',
          remedy: { arm: "set properties.minimumTlsVersion to 'TLS1_2'", azurerm: 'set min_tls_version = "TLS1_2"' },
          setting: { arm: TLS, azurerm: 'min_tls_version' },
        },
        fix: (resource) =>
          setFix(
            resource,
            TLS,
            'TLS1_2',
            { arm: "Set minimumTlsVersion to 'TLS1_2'", azurerm: 'Set min_tls_version = "TLS1_2"' },
            'safe',
          ),
      });
      // Absent: true (azurerm, and ARM from API version 2019-04-01).
      const api = account.apiVersion;
      const oldApi = !azurerm && api !== undefined && /^\d{4}-\d{2}-\d{2}/.test(api) && api.slice(0, 10) < '2019-04-01';
      reportJudgement(context, account, judge(account.get(HTTPS), equals(true), oldApi ? 'fail' : 'pass'), {
        path: HTTPS,
        describe: {
          secureState: 'accepts HTTPS traffic only',
          problem: 'accepts unencrypted HTTP traffic',
          remedy: {
            arm: 'set properties.supportsHttpsTrafficOnly to true',
            azurerm: 'set https_traffic_only_enabled = true (azurerm 3.x: enable_https_traffic_only)',
          },
          setting: { arm: HTTPS, azurerm: 'https_traffic_only_enabled' },
        },
        fix: (resource) =>
          setFix(
            resource,
            HTTPS,
            true,
            { arm: 'Set supportsHttpsTrafficOnly to true', azurerm: 'Set https_traffic_only_enabled = true' },
            'safe',
          ),
      });
    }
  },
});
