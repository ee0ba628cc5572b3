// Copies of values at another span, with other origins (model/value.ts): what the evaluators re-span their
// results with. The copy has the new span and origins and every other field of the value; the value itself
// is never changed (values are shared between uses).
import { strict as assert } from 'node:assert';
import { make, withOrigin, withSpan, withSpanAndOrigins, type Origin } from '../../../server/src/model/value';

const at = (start: number) => ({ start, end: start + 1 });
const origin = (description: string): Origin => ({ uri: 'file:///w/a.bicep', span: at(0), description });

describe('model: copies of values', () => {
  it('withSpanAndOrigins sets the span and the origins, and keeps the rest', () => {
    const value = make.unknown('x', 'depends on x', at(1), { candidates: [make.literal(1, at(2))] });
    const copy = withSpanAndOrigins(value, at(5), [origin('default of x')]);
    assert.deepEqual(copy, { ...value, span: at(5), origins: [origin('default of x')] });
    assert.deepEqual(value.span, at(1));
    assert.equal(value.origins, undefined);
  });

  it('withSpanAndOrigins without origins keeps those the value had, and adds none', () => {
    const withOwn = make.literal('S0', at(1), [origin('parameter sku')]);
    assert.deepEqual(withSpanAndOrigins(withOwn, at(3), undefined).origins, [origin('parameter sku')]);
    const plain = make.literal(true, at(1));
    assert.deepEqual(Object.keys(withSpanAndOrigins(plain, at(3), undefined)).sort(), ['kind', 'span', 'value']);
  });

  it('withOrigin puts the new origin first; withSpan sets an unknown text only when given', () => {
    const value = make.literal('x', at(4), [origin('parameter p')]);
    assert.deepEqual(withOrigin(value, origin('variable v'), at(6)), {
      ...value,
      span: at(6),
      origins: [origin('variable v'), origin('parameter p')],
    });
    assert.deepEqual(value.origins, [origin('parameter p')]);
    const unknown = make.unknown('a', 'r', at(1));
    assert.equal(withSpan(unknown, at(2)).text, 'a');
    assert.equal(withSpan(unknown, at(2), 'b').text, 'b');
    assert.equal(unknown.text, 'a');
  });
});
