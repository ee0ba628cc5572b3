// Suppressions (DESIGN §5), read from a document's comments and ARM resource metadata:
//
//   // aisec-disable-next-line AIS-COG-LOCAL-AUTH[, AIS-…] [-- reason] [until YYYY-MM-DD]
//   "metadata": { "aisec": { "suppress": [ { "rule": "AIS-…", "reason": "…", "until": "YYYY-MM-DD" } ] } }
//   #checkov:skip=CKV_AZURE_236:reason   #tfsec:ignore:azure-…   #trivy:ignore:AVD-AZU-0012[:exp:YYYY-MM-DD]
//
// "Next line" is the next line holding code: blank lines and comment-only lines between the comment and the
// code are skipped, so several tools' comments can be stacked above one declaration. When that line starts a
// resource declaration, the suppression covers every finding of its rules on that resource. Peers' comments
// apply to the aisec rules whose `meta.peers` list the peer's id; a peer comment inside a resource block
// (Checkov's convention) covers that resource. Suppressions past their `until` date stop suppressing.
import { allRules } from '../../../rules';
import type { ParsedDocument } from '../model/document';
import type { Resource } from '../model/resource';
import type { Rule } from '../model/rule';
import type { Span } from '../model/span';
import type { Value } from '../model/value';

export type SuppressionSource = 'aisec' | 'arm-metadata' | 'checkov' | 'tfsec' | 'trivy';

export interface SuppressionDirective {
  readonly source: SuppressionSource;
  readonly uri: string;
  /** The comment (or metadata entry) that holds it. */
  readonly span: Span;
  /** Upper-cased aisec rule ids it covers (peers' ids already mapped). */
  readonly ruleIds: readonly string[];
  /** The ids as written (for peers: their own ids), for messages. */
  readonly writtenIds: readonly string[];
  readonly reason?: string;
  /** `YYYY-MM-DD`, inclusive. */
  readonly until?: string;
  readonly expired: boolean;
  /** 0-based line whose findings it covers; -1 when it covers a resource only (ARM metadata). */
  readonly targetLine: number;
  /** 0-based line of the comment itself: a trailing peer comment covers its own line. */
  readonly ownLine?: number;
  /** The resource it covers as a whole, when it sits above (or, for peers, inside) a declaration. */
  readonly resource?: Resource;
  /** aisec ids that name no rule. */
  readonly unknownIds: readonly string[];
}

const AISEC = /^\s*aisec-disable-next-line\b(.*)$/i;
const UNTIL = /\s+until\s+(\d{4}-\d{2}-\d{2})\s*$/i;

const peerMaps = new WeakMap<readonly Rule[], Map<string, string[]>>();

/** Peer id (upper-cased) → aisec rule ids whose `meta.peers` list it (Checkov ids; Trivy/tfsec ids). */
function peerRules(rules: readonly Rule[]): Map<string, string[]> {
  let peerMap = peerMaps.get(rules);
  if (peerMap) return peerMap;
  peerMap = new Map();
  peerMaps.set(rules, peerMap);
  for (const rule of rules) {
    const ids = [...(rule.meta.peers.checkov ?? []), ...(rule.meta.peers.trivy ?? [])];
    for (const id of ids) {
      const key = id.toUpperCase();
      peerMap.set(key, [...(peerMap.get(key) ?? []), rule.meta.id.toUpperCase()]);
    }
  }
  return peerMap;
}

const knownIdSets = new WeakMap<readonly Rule[], ReadonlySet<string>>();

/** Upper-cased ids of the rules, once per rule list (it was built again for every document checked). */
function knownIds(rules: readonly Rule[]): ReadonlySet<string> {
  let known = knownIdSets.get(rules);
  if (!known) {
    known = new Set(rules.map((r) => r.meta.id.toUpperCase()));
    knownIdSets.set(rules, known);
  }
  return known;
}

/** Today's date as `YYYY-MM-DD` (UTC), the reference for `until`. */
export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function readSuppressions(
  document: ParsedDocument,
  date = today(),
  rules: readonly Rule[] = allRules,
): SuppressionDirective[] {
  const directives: SuppressionDirective[] = [];
  const lines = document.lines;
  // Split into lines only when a comment turns out to be a directive: most comments are not, and a scan of
  // thousands of files should not copy every text line by line.
  let lineTexts: string[] | undefined;
  const lineText = (line: number): string | undefined => (lineTexts ??= document.text.split(/\r\n|\r|\n/))[line];
  const isCodeLine = (line: number): boolean => {
    const text = lineText(line)?.trim() ?? '';
    return (
      text !== '' && !text.startsWith('//') && !text.startsWith('#') && !text.startsWith('/*') && !text.startsWith('*')
    );
  };
  const nextCodeLine = (after: number): number => {
    for (let line = after + 1; line < lines.lineCount; line++) if (isCodeLine(line)) return line;
    return after + 1;
  };
  const lineOf = (offset: number) => lines.positionAt(offset).line;
  const resourceStartingOn = (line: number): Resource | undefined =>
    document.resources.find((r) => lineOf(r.span.start) === line || lineOf(r.headerSpan.start) === line);
  const resourceAround = (span: Span): Resource | undefined =>
    document.resources
      .filter((r) => r.span.start <= span.start && span.end <= r.span.end)
      .sort((a, b) => a.span.end - a.span.start - (b.span.end - b.span.start))[0];
  const known = knownIds(rules);

  for (const comment of document.comments) {
    const aisec = AISEC.exec(comment.text);
    const peers = aisec ? [] : readPeerComment(comment.text);
    if (!aisec && peers.length === 0) continue;
    const ownLine = lineOf(comment.span.start);
    const targetLine = nextCodeLine(lineOf(comment.span.end));
    if (aisec) {
      let rest = aisec[1];
      let until: string | undefined;
      const untilMatch = UNTIL.exec(rest);
      if (untilMatch) {
        until = untilMatch[1];
        rest = rest.slice(0, untilMatch.index);
      }
      let reason: string | undefined;
      const dashes = rest.indexOf('--');
      if (dashes >= 0) {
        reason = rest.slice(dashes + 2).trim() || undefined;
        rest = rest.slice(0, dashes);
      }
      const written = rest
        .split(/[\s,]+/)
        .map((id) => id.trim())
        .filter(Boolean);
      const upper = written.map((id) => id.toUpperCase());
      directives.push({
        source: 'aisec',
        uri: document.uri,
        span: comment.span,
        ruleIds: upper.filter((id) => known.has(id)),
        writtenIds: written,
        reason,
        until,
        expired: until !== undefined && until < date,
        targetLine,
        resource: resourceStartingOn(targetLine),
        unknownIds: written.filter((id) => !known.has(id.toUpperCase())),
      });
      continue;
    }
    for (const peer of peers) {
      const covered = peer.ids.flatMap((id) => peerRules(rules).get(id.toUpperCase()) ?? []);
      if (covered.length === 0) continue;
      directives.push({
        source: peer.source,
        uri: document.uri,
        span: comment.span,
        ruleIds: [...new Set(covered)],
        writtenIds: peer.ids,
        reason: peer.reason,
        until: peer.until,
        expired: peer.until !== undefined && peer.until < date,
        targetLine,
        ownLine,
        resource: resourceAround(comment.span) ?? resourceStartingOn(targetLine),
        unknownIds: [],
      });
    }
  }

  for (const resource of document.resources) {
    directives.push(...metadataSuppressions(document, resource, date, known));
  }
  return directives;
}

interface PeerComment {
  readonly source: 'checkov' | 'tfsec' | 'trivy';
  readonly ids: string[];
  readonly reason?: string;
  readonly until?: string;
}

/** What every peer comment contains (`checkov:skip=`, `tfsec:ignore:`, `trivy:ignore:`). */
const PEER_MARKER = /checkov:skip=|(?:tfsec|trivy):ignore:/i;

/** `checkov:skip=ID[,ID]:reason`, `tfsec:ignore:ID[:exp:DATE]`, `trivy:ignore:ID[:exp:DATE]` (several per comment). */
export function readPeerComment(text: string): PeerComment[] {
  const found: PeerComment[] = [];
  // Most comments name no peer tool: one scan for the markers both patterns below need.
  if (!PEER_MARKER.test(text)) return found;
  const checkov = /checkov:skip=([A-Za-z0-9_,\s-]+?)(?::(.*))?$/i.exec(text.trim());
  if (checkov) {
    found.push({
      source: 'checkov',
      ids: checkov[1]
        .split(',')
        .map((id) => id.trim())
        .filter(Boolean),
      reason: checkov[2]?.trim() || undefined,
    });
  }
  for (const match of text.matchAll(/\b(tfsec|trivy):ignore:([A-Za-z0-9_.-]+)(?::exp:(\d{4}-\d{2}-\d{2}))?/gi)) {
    found.push({ source: match[1].toLowerCase() as 'tfsec' | 'trivy', ids: [match[2]], until: match[3] });
  }
  return found;
}

/** ARM: `"metadata": { "aisec": { "suppress": [ { "rule": "AIS-…", "reason": "…", "until": "…" } ] } }`. */
function metadataSuppressions(
  document: ParsedDocument,
  resource: Resource,
  date: string,
  known: ReadonlySet<string>,
): SuppressionDirective[] {
  if (resource.uri !== document.uri) return [];
  const list = resource.get('metadata.aisec.suppress');
  if (!list || list.kind !== 'array') return [];
  const result: SuppressionDirective[] = [];
  for (const entry of list.items) {
    if (entry.kind !== 'object') continue;
    const text = (name: string): string | undefined => {
      const value: Value | undefined = entry.properties.find((p) => p.name.toLowerCase() === name)?.value;
      return value?.kind === 'literal' && typeof value.value === 'string' ? value.value : undefined;
    };
    const rule = text('rule');
    if (!rule) continue;
    const until = text('until');
    result.push({
      source: 'arm-metadata',
      uri: document.uri,
      span: entry.span,
      ruleIds: known.has(rule.toUpperCase()) ? [rule.toUpperCase()] : [],
      writtenIds: [rule],
      reason: text('reason'),
      until,
      expired: until !== undefined && until < date,
      targetLine: -1,
      resource,
      unknownIds: known.has(rule.toUpperCase()) ? [] : [rule],
    });
  }
  return result;
}

/** Whether `directive` covers a finding of `ruleId` starting on `line` about resource `resourceKey`. */
export function covers(
  directive: SuppressionDirective,
  finding: { readonly ruleId: string; readonly uri: string; readonly resourceKey: string },
  line: number,
): boolean {
  if (!directive.ruleIds.includes(finding.ruleId.toUpperCase())) return false;
  if (line === directive.targetLine || line === directive.ownLine) return true;
  const resource = directive.resource;
  return resource !== undefined && resource.uri === finding.uri && resource.key === finding.resourceKey;
}
