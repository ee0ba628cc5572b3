// One copy of each repeated string kept for the whole workspace. Reports come from worker threads by
// structured clone, which copies every string: 10,000 files brought 50,000 copies of file uris and 100,000
// of resource types (13 MB of a 94 MB heap); resource keys repeat across templates too. The language server
// keeps what a workspace scan reports for every file, and `aisec scan` keeps it until it writes its report.
import type { ResourceFacts } from './batch/job';
import type { Finding } from './finding';

export class StringPool {
  private readonly strings = new Map<string, string>();

  intern<T extends string | undefined>(value: T): T {
    if (value === undefined) return value;
    const known = this.strings.get(value);
    if (known !== undefined) return known as T;
    this.strings.set(value, value);
    return value;
  }

  /** The finding with its uris, rule, resource type, key and property path, and enumerations from the pool. */
  finding(finding: Finding): Finding {
    return {
      ...finding,
      ruleId: this.intern(finding.ruleId),
      severity: this.intern(finding.severity),
      level: this.intern(finding.level),
      kind: this.intern(finding.kind),
      uri: this.intern(finding.uri),
      resourceType: this.intern(finding.resourceType),
      resourceKey: this.intern(finding.resourceKey),
      related: finding.related.map((location) => ({ ...location, uri: this.intern(location.uri) })),
      fixes: finding.fixes.map((fix) => ({
        ...fix,
        title: this.intern(fix.title),
        applicability: this.intern(fix.applicability),
      })),
      ...(finding.path !== undefined ? { path: this.intern(finding.path) } : {}),
      ...(finding.suppression
        ? { suppression: { ...finding.suppression, uri: this.intern(finding.suppression.uri) } }
        : {}),
    };
  }

  resource(resource: ResourceFacts): ResourceFacts {
    return { key: this.intern(resource.key), type: this.intern(resource.type), existing: resource.existing };
  }
}
