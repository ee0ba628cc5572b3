// The Terraform front end on the real-world corpus: every .tf file parses without a syntax problem, every
// module directory (files regrouped by their original paths) analyses without throwing, with module calls
// linked, every unknown value explaining itself, and random truncations never throwing.
import { strict as assert } from 'node:assert';
import { analyzeTerraform, initTerraform, parseTerraformFile } from '../../server/src/parse/terraform';
import type { FrontEndResult, ParameterSupplier } from '../../server/src/model/frontend';
import type { Value } from '../../server/src/model/value';
import { hasCorpus, terraformCorpus, type CorpusFile } from '../unit/terraform/corpus';

function byDirectory(files: readonly CorpusFile[]): Map<string, CorpusFile[]> {
  const groups = new Map<string, CorpusFile[]>();
  for (const file of files) groups.set(file.dir, [...(groups.get(file.dir) ?? []), file]);
  return groups;
}

function unknownsWithoutReason(value: Value | undefined, path: string, out: string[]): void {
  if (!value) return;
  if (value.kind === 'unknown') {
    if (!value.reason) out.push(path);
    value.candidates?.forEach((c, i) => unknownsWithoutReason(c, `${path}<${i}>`, out));
  } else if (value.kind === 'object') {
    value.properties.forEach((p) => unknownsWithoutReason(p.value, `${path}.${p.name}`, out));
    if (value.openEnded) unknownsWithoutReason(value.openEnded, `${path}.*`, out);
  } else if (value.kind === 'array') value.items.forEach((item, i) => unknownsWithoutReason(item, `${path}.${i}`, out));
}

describe('terraform corpus', function () {
  if (!hasCorpus()) {
    it('corpus folder is missing', function () {
      this.skip();
    });
    return;
  }
  const files = terraformCorpus();
  const directories = byDirectory(files);

  before(async () => {
    await initTerraform();
  });

  it('has the 145 .tf files of the corpus', () => {
    assert.equal(files.filter((f) => f.uri.endsWith('.tf')).length, 145);
  });

  it('parses every .tf and .tfvars file without a syntax problem', () => {
    const failures: string[] = [];
    for (const file of files) {
      const problems = parseTerraformFile(file.text).problems;
      if (problems.length > 0) failures.push(`${file.uri}: ${problems[0].message}`);
    }
    assert.deepEqual(failures, []);
  });

  it('analyses every module directory, links local module calls, and explains every unknown value', () => {
    // Pass 1: what each directory supplies to others; pass 2: each directory with its callers.
    const results = new Map<string, FrontEndResult>();
    for (const [dir, group] of directories) results.set(dir, analyzeTerraform(group, []));
    const suppliers = new Map<string, ParameterSupplier[]>();
    let links = 0;
    for (const result of results.values()) {
      for (const link of result.links) {
        suppliers.set(link.templateUri, [...(suppliers.get(link.templateUri) ?? []), link.supplier]);
        links++;
      }
    }
    assert.ok(links > 10, `module calls are linked (${links})`);
    const linkedDirs = [...suppliers.keys()].filter((dir) => directories.has(dir));
    assert.ok(linkedDirs.length > 10, 'links point at corpus directories');

    const missingReasons: string[] = [];
    let resources = 0;
    for (const [dir, group] of directories) {
      const result = analyzeTerraform(group, suppliers.get(dir) ?? []);
      for (const document of result.documents) {
        for (const resource of document.resources) {
          resources++;
          assert.ok(resource.headerSpan.start >= resource.span.start && resource.headerSpan.end <= resource.span.end);
          unknownsWithoutReason(resource.body, resource.key, missingReasons);
          unknownsWithoutReason(resource.scope, `${resource.key} scope`, missingReasons);
        }
        for (const output of document.outputs ?? [])
          unknownsWithoutReason(output.value, `output ${output.name}`, missingReasons);
      }
    }
    assert.ok(resources > 300, `resources found (${resources})`);
    assert.deepEqual(missingReasons, []);
  });

  it('never throws on truncated corpus files', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) >>> 0) / 4294967296;
    for (const file of files) {
      for (let i = 0; i < 3; i++) {
        const cut = Math.floor(random() * file.text.length);
        analyzeTerraform([{ uri: file.uri, text: file.text.slice(0, cut) }], []);
        const start = Math.floor(random() * file.text.length);
        const removed =
          file.text.slice(0, start) +
          file.text.slice(Math.min(file.text.length, start + 1 + Math.floor(random() * 40)));
        analyzeTerraform([{ uri: file.uri, text: removed }], []);
      }
    }
  });
});
