// forEachValue: every value inside a value, depth first, each with its ARM path (built only when asked for).
import { strict as assert } from 'node:assert';
import { forEachValue, make, type Value } from '../../../server/src/model/value';

const at = { start: 0, end: 0 };

function describeValue(value: Value): string {
  if (value.kind === 'literal') return JSON.stringify(value.value);
  return value.kind;
}

describe('forEachValue', () => {
  const candidate = make.literal('a', at);
  const value = make.object(
    [
      make.property('name', at, make.literal('x', at)),
      make.property(
        'properties',
        at,
        make.object(
          [
            make.property('rules', at, make.array([make.literal(1, at), make.object([], at)], at)),
            make.property('maybe', at, make.unknown('p', 'a parameter', at, { candidates: [candidate] })),
          ],
          at,
          { openEnded: make.unknown('spread', 'spread', at) },
        ),
      ),
    ],
    at,
  );

  it('visits every value with its path, depth first', () => {
    const seen: string[] = [];
    forEachValue(value, (current, path) => {
      seen.push(`${path()}=${describeValue(current)}`);
    });
    assert.deepEqual(seen, [
      '=object',
      'name="x"',
      'properties=object',
      'properties.rules=array',
      'properties.rules.0=1',
      'properties.rules.1=object',
      'properties.maybe=unknown',
      'properties.maybe="a"',
      'properties=unknown',
    ]);
  });

  it('skips what is inside a value the visitor returns false for', () => {
    const seen: string[] = [];
    forEachValue(value, (current, path) => {
      seen.push(path());
      return current.kind !== 'array';
    });
    assert.ok(seen.includes('properties.rules'));
    assert.ok(!seen.includes('properties.rules.0'));
    assert.ok(seen.includes('properties.maybe'));
  });

  it('visits nothing for an absent value', () => {
    let visits = 0;
    forEachValue(undefined, () => {
      visits++;
    });
    assert.equal(visits, 0);
  });
});
