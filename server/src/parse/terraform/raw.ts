// A raw view of a block's attributes: the values written as plain literals (numbers, bools, null, strings
// without interpolation, heredocs, lists and objects of those), before any variable resolution or mapping.
// Used by the differential test against HashiCorp's HCL parser (hcl2-parser) and handy for debugging.
import type { HclBody, HclExpr } from './syntax';

/** Marks a value that is not a plain literal (an expression); such attributes are left out. */
const NOT_LITERAL = Symbol('not literal');

/**
 * `{ attr: literal, block_type: [ {…}, … ] }`, the shape hcl2json gives a block body. Attributes whose value
 * is an expression are omitted; blocks always appear (as lists, like hcl2json).
 */
export function rawAttributes(body: HclBody): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const attribute of body.attributes) {
    const value = literalOf(attribute.value);
    if (value !== NOT_LITERAL) out[attribute.name] = value;
  }
  for (const block of body.blocks) {
    const list = (out[block.type] as unknown[] | undefined) ?? [];
    list.push(rawAttributes(block.body));
    out[block.type] = list;
  }
  return out;
}

function literalOf(expr: HclExpr): unknown {
  switch (expr.kind) {
    case 'literal':
      return expr.value;
    case 'paren':
      return literalOf(expr.inner);
    case 'tuple': {
      const items = expr.items.map(literalOf);
      return items.includes(NOT_LITERAL) ? NOT_LITERAL : items;
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const item of expr.items) {
        if (item.keyName === undefined) return NOT_LITERAL;
        const value = literalOf(item.value);
        if (value === NOT_LITERAL) return NOT_LITERAL;
        out[item.keyName] = value;
      }
      return out;
    }
    case 'unary':
      if (expr.operator === '-' && expr.operand.kind === 'literal' && typeof expr.operand.value === 'number') {
        return -expr.operand.value;
      }
      return NOT_LITERAL;
    default:
      return NOT_LITERAL;
  }
}
