// The caches shared by all ARM documents (parsed expressions, id shapes, canonical names) keep strings of
// their own: a JSON string is a slice of its document's text, and a cached slice kept the whole document
// alive (a scan's worker held its largest templates to the end).
import { strict as assert } from 'node:assert';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { analyzeArm } from '../../../server/src/parse/arm/index';

/** A full garbage collection (`--expose-gc` turned on for this process, then the function fetched). */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
}

function largeObjectBytes(): number {
  return v8.getHeapSpaceStatistics().find((space) => space.space_name === 'large_object_space')!.space_used_size;
}

/** A 1 MB template, unique by `n`, whose resource names and ids are expressions (the cached kinds). */
function template(n: number): string {
  const padding = `${n}-`.repeat(1 << 18).slice(0, 1 << 20);
  return JSON.stringify(
    {
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      parameters: { [`storageAccountName${n}`]: { type: 'string', defaultValue: `p${n}` } },
      resources: [
        {
          type: 'Microsoft.Storage/storageAccounts',
          apiVersion: '2023-01-01',
          name: `[parameters('storageAccountName${n}')]`,
          properties: { note: padding },
        },
        {
          type: 'Microsoft.Storage/storageAccounts/blobServices',
          apiVersion: '2023-01-01',
          name: `[format('{0}/default', parameters('storageAccountName${n}'))]`,
          dependsOn: [`[resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccountName${n}'))]`],
        },
      ],
    },
    null,
    2,
  );
}

describe('ARM caches', () => {
  it('keep no document alive once it is analysed', () => {
    const analyse = (n: number) => {
      const result = analyzeArm({ uri: `file:///w/t${n}.json`, text: template(n) }, []);
      assert.equal(result.documents[0].resources.length, 2);
    };
    analyse(-1);
    collectGarbage();
    const before = largeObjectBytes();
    for (let n = 0; n < 16; n++) analyse(n);
    collectGarbage();
    const grown = largeObjectBytes() - before;
    // 16 documents of 1 MB (2 MB as UTF-16 if any were kept): what stays must be far less than one.
    assert.ok(grown < 1 << 20, `${(grown / 1048576).toFixed(1)} MB of large objects kept`);
  });
});
