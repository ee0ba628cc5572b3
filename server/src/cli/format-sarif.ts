// `--format sarif`: SARIF 2.1.0 (DESIGN §7). One run; tool.driver.rules holds every rule (id, short
// description, markdown help from the rule's docs page, help URI, severity/pillar/tags) and the engine's own
// diagnostics; results carry ruleId + ruleIndex, level, kind (fail / review), a physical location relative
// to the scanned root (uriBaseId SRCROOT, 1-based region), related locations (the parameter default or
// tfvars line behind a value), suppressions (inSource, with the justification) and fixes (text replacements
// from edit/). "Cannot verify" results are kind "review", whose level SARIF requires to be "none".
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { allRules } from '../../../rules';
import { ENGINE_DIAGNOSTICS } from '../engine/engine-findings';
import type { Finding } from '../engine/finding';
import type { ScanResult } from '../engine/scan';
import { fixToTextEdits } from '../edit';
import { DOCS_BASE_URL, helpUri, ruleMarkdown, VERSION } from './docs';
import { regionOf, relativePath, relativePathsOf } from './positions';

const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

export function toSarif(result: ScanResult): Sarif.Log {
  const rules: Sarif.ReportingDescriptor[] = [
    ...allRules.map((rule): Sarif.ReportingDescriptor => {
      const markdown = ruleMarkdown(rule.meta.id);
      return {
        id: rule.meta.id,
        name: pascalCase(rule.meta.id),
        shortDescription: { text: rule.meta.title },
        fullDescription: { text: rule.meta.title },
        ...(markdown ? { help: { text: plainText(markdown), markdown } } : { help: { text: rule.meta.title } }),
        helpUri: helpUri(rule.meta.id),
        defaultConfiguration: {
          level: sarifLevel(
            rule.meta.severity === 'high' ? 'error' : rule.meta.severity === 'medium' ? 'warning' : 'info',
          ),
        },
        properties: {
          severity: rule.meta.severity,
          pillar: rule.meta.pillar,
          tags: ['security', rule.meta.pillar, ...(rule.meta.fix ? [`fix-${rule.meta.fix}`] : [])],
          'security-severity': rule.meta.severity === 'high' ? '8.0' : rule.meta.severity === 'medium' ? '5.0' : '2.0',
          peers: rule.meta.peers,
        },
      };
    }),
    ...Object.entries(ENGINE_DIAGNOSTICS).map(([id, meta]): Sarif.ReportingDescriptor => ({
      id,
      shortDescription: { text: meta.title },
      helpUri: `${DOCS_BASE_URL.replace(/\/rules\/docs$/, '')}/README.md#engine-diagnostics`,
      defaultConfiguration: { level: sarifLevel(meta.level) },
      properties: { severity: meta.severity, tags: ['aisec-engine'] },
    })),
  ];
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const rootUri = pathToFileURL(result.root).href.replace(/\/?$/, '/');
  const pathOf = relativePathsOf(result.root);
  const location = (uri: string, span: Finding['span']): Sarif.PhysicalLocation => {
    const region = regionOf(uri, span, result.positions);
    return {
      artifactLocation: { uri: encodeURI(pathOf(uri)), uriBaseId: 'SRCROOT' },
      region,
    };
  };

  const results = result.findings.map((finding): Sarif.Result => {
    const physical = location(finding.uri, finding.span);
    const sarifResult: Sarif.Result = {
      ruleId: finding.ruleId,
      ruleIndex: ruleIndex.get(finding.ruleId) ?? -1,
      kind: finding.kind,
      level: finding.kind === 'review' ? 'none' : sarifLevel(finding.level),
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: physical,
          ...(finding.resourceKey
            ? {
                logicalLocations: [
                  {
                    name: finding.resourceKey,
                    kind: 'resource',
                    fullyQualifiedName: finding.resourceType
                      ? `${finding.resourceType}:${finding.resourceKey}`
                      : finding.resourceKey,
                  },
                ],
              }
            : {}),
        },
      ],
      partialFingerprints: { 'aisecFinding/v1': fingerprint(finding, physical.artifactLocation?.uri ?? '') },
      properties: { severity: finding.severity, ...(finding.path ? { propertyPath: finding.path } : {}) },
    };
    if (finding.related.length > 0) {
      sarifResult.relatedLocations = finding.related.map((related, id) => ({
        id,
        physicalLocation: location(related.uri, related.span),
        message: { text: related.message },
      }));
    }
    if (finding.suppression) {
      sarifResult.suppressions = [
        {
          kind: 'inSource',
          status: 'accepted',
          ...(finding.suppression.justification ? { justification: finding.suppression.justification } : {}),
          location: { physicalLocation: location(finding.suppression.uri, finding.suppression.span) },
          properties: { source: finding.suppression.source },
        },
      ];
    }
    const fixes = finding.suppression ? [] : sarifFixes(finding, result, location);
    if (fixes.length > 0) sarifResult.fixes = fixes;
    return sarifResult;
  });

  const notifications: Sarif.Notification[] = [
    ...result.skipped.map((skip): Sarif.Notification => ({
      level: 'note',
      descriptor: { id: 'aisec/skipped' },
      message: { text: `Skipped ${relativePath(result.root, skip.path)}: ${skip.reason}` },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(relativePath(result.root, skip.path)), uriBaseId: 'SRCROOT' },
          },
        },
      ],
    })),
    ...result.syntaxProblems.map((problem): Sarif.Notification => ({
      level: 'warning',
      descriptor: { id: 'aisec/syntax' },
      message: { text: problem.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeURI(relativePath(result.root, problem.path)), uriBaseId: 'SRCROOT' },
            region: { startLine: problem.line, startColumn: problem.column },
          },
        },
      ],
    })),
  ];

  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'aisec',
            version: VERSION,
            semanticVersion: VERSION,
            informationUri: DOCS_BASE_URL.replace(/\/blob\/main\/rules\/docs$/, ''),
            rules,
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: rootUri } },
        invocations: [
          {
            executionSuccessful: !result.findings.some((f) => f.ruleId === 'aisec/internal-error'),
            ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

function sarifFixes(
  finding: Finding,
  result: ScanResult,
  location: (uri: string, span: Finding['span']) => Sarif.PhysicalLocation,
): Sarif.Fix[] {
  const fixes: Sarif.Fix[] = [];
  for (const fix of finding.fixes) {
    let edits: Map<string, { span: Finding['span']; newText: string }[]>;
    try {
      edits = fix.textEdits
        ? new Map([...fix.textEdits].map(([uri, e]) => [uri, [...e]]))
        : fixToTextEdits(fix, result.document);
    } catch {
      continue; // a fix that cannot be written is not offered
    }
    if (edits.size === 0) continue;
    fixes.push({
      description: { text: `${fix.title}${fix.applicability === 'unsafe' ? ' (unsafe: review before applying)' : ''}` },
      artifactChanges: [...edits].map(([uri, textEdits]) => ({
        artifactLocation: location(uri, { start: 0, end: 0 }).artifactLocation!,
        replacements: textEdits.map((edit) => ({
          deletedRegion: location(uri, edit.span).region!,
          insertedContent: { text: edit.newText },
        })),
      })),
      properties: { applicability: fix.applicability },
    });
  }
  return fixes;
}

export function sarifLevel(level: Finding['level']): Sarif.Result.level {
  return level === 'info' ? 'note' : level;
}

function fingerprint(finding: Finding, path: string): string {
  return createHash('sha256')
    .update([finding.ruleId, path, finding.resourceKey, finding.path ?? '', finding.kind].join('\u0000'))
    .digest('hex')
    .slice(0, 32);
}

function pascalCase(id: string): string {
  return id
    .toLowerCase()
    .split('-')
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

/** Markdown to readable plain text for `help.text` (headings and emphasis markers dropped). */
function plainText(markdown: string): string {
  return markdown
    .replace(/^#+\s*/gm, '')
    .replace(/\*\*(.*?)\*\*/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .trim();
}
