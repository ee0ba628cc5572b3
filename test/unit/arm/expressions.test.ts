// The ARM expression language: parsing `[...]` strings and evaluating the functions templates use.
import { strict as assert } from 'node:assert';
import { parseExpression } from '../../../server/src/parse/arm';
import { expressionBody, literalText, MAX_EXPRESSION_DEPTH } from '../../../server/src/parse/arm/expression';
import { documentOf, known, templateText, textAt, unknownOf, valueOf } from './helpers';

describe('ARM expressions: parsing', () => {
  it('recognises expression strings and the [[ escape', () => {
    assert.deepEqual(expressionBody("[parameters('a')]"), { start: 1, end: 16 });
    assert.deepEqual(expressionBody("[parameters('a')]  "), { start: 1, end: 16 });
    assert.equal(expressionBody('[[not an expression]'), undefined);
    assert.equal(expressionBody('plain'), undefined);
    assert.equal(expressionBody('[no closing bracket'), undefined);
    assert.equal(literalText('[[x]'), '[x]');
    assert.equal(literalText('x'), 'x');
  });

  it('parses calls, strings with doubled quotes, numbers, members and indexers with offsets', () => {
    const source = "concat(parameters('it''s'), -1).a['b'][0]";
    const ast = parseExpression(source);
    assert.equal(ast.kind, 'index');
    if (ast.kind !== 'index') return;
    assert.equal(ast.start, 0);
    assert.equal(ast.end, source.length);
    const member = ast.object;
    assert.equal(member.kind, 'index');
    if (member.kind !== 'index') return;
    assert.deepEqual(member.index, { kind: 'string', value: 'b', start: 34, end: 37 });
    const a = member.object;
    assert.equal(a.kind, 'member');
    if (a.kind !== 'member') return;
    assert.equal(a.name, 'a');
    const call = a.object;
    assert.equal(call.kind, 'call');
    if (call.kind !== 'call') return;
    assert.equal(call.name, 'concat');
    assert.equal(call.args.length, 2);
    assert.deepEqual(call.args[1], { kind: 'number', value: -1, start: 28, end: 30 });
    const inner = call.args[0];
    assert.ok(inner.kind === 'call' && inner.args[0].kind === 'string' && inner.args[0].value === "it's");
  });

  it('parses namespaced user functions and bare true/false/null', () => {
    const ast = parseExpression('ns.fn(true, null)');
    assert.ok(ast.kind === 'call');
    if (ast.kind !== 'call') return;
    assert.equal(ast.namespace, 'ns');
    assert.equal(ast.name, 'fn');
    assert.deepEqual(
      ast.args.map((a) => (a.kind === 'call' ? a.name : a.kind)),
      ['true', 'null'],
    );
  });

  it('reports malformed expressions as error nodes, never throwing', () => {
    for (const bad of [
      "concat('a'",
      "parameters('x'",
      "'unterminated",
      'a.',
      'foo',
      "concat('a',)",
      '#',
      "x('a') extra",
    ]) {
      const ast = parseExpression(bad);
      assert.equal(ast.kind, 'error', bad);
    }
  });

  it('says what is wrong in a malformed expression', () => {
    const messages: Record<string, string> = {
      "concat('a') #": "unexpected 'unexpected character '#'' after the expression",
      'f(': 'expression expected',
      'f(1,]': "unexpected ']'",
      'a.b.c(1)': "'(' expected after 'a'",
      '1.2.3': "invalid number '1.2.3'",
      "'unterminated": 'unterminated string',
      'a[0': "'(' expected after 'a'",
      ')': "unexpected ')'",
      '': 'expression expected',
      'f(1) g': "unexpected 'g' after the expression",
      'f(1))': "unexpected ')' after the expression",
      'ns.fn': "'(' expected after 'ns'",
      'f(1 2)': "',' or ')' expected",
      '(1': "')' expected",
    };
    for (const [source, message] of Object.entries(messages)) {
      assert.deepEqual(parseExpression(source), { kind: 'error', message, start: 0, end: source.length }, source);
    }
  });

  it('reads namespaced calls, members, indexes, parentheses and quotes in strings', () => {
    // `a.b(1)` is a call of `b` in namespace `a` (user-defined functions), not a member of `a`.
    const source = "ns.fn(a.b(1)).c[ ( 'it''s' ) ]";
    assert.deepEqual(parseExpression(source), {
      kind: 'index',
      object: {
        kind: 'member',
        object: {
          kind: 'call',
          name: 'fn',
          lower: 'fn',
          namespace: 'ns',
          nameStart: 3,
          args: [
            {
              kind: 'call',
              name: 'b',
              lower: 'b',
              namespace: 'a',
              nameStart: 8,
              args: [{ kind: 'number', value: 1, start: 10, end: 11 }],
              start: 6,
              end: 12,
            },
          ],
          start: 0,
          end: 13,
        },
        name: 'c',
        start: 0,
        end: 15,
      },
      // The parentheses' span.
      index: { kind: 'string', value: "it's", start: 17, end: 28 },
      start: 0,
      end: 30,
    });
  });

  it('stops at a nesting limit instead of overflowing the stack', () => {
    const deep = 'not('.repeat(20000) + 'true()' + ')'.repeat(20000);
    const ast = parseExpression(deep);
    assert.equal(ast.kind, 'error');
    assert.match(ast.kind === 'error' ? ast.message : '', new RegExp(String(MAX_EXPRESSION_DEPTH)));
    const fine = 'not('.repeat(50) + 'true()' + ')'.repeat(50);
    assert.equal(parseExpression(fine).kind, 'call');
  });

  it('reports an invalid expression in a template as a syntax problem on its string', () => {
    const text = templateText({
      resources: [
        { type: 'Microsoft.Test/things', apiVersion: '2024-01-01', name: 'r', properties: { v: "[concat('a'" + ']' } },
      ],
    });
    const document = documentOf(text);
    assert.equal(document.syntaxProblems.length, 1);
    assert.match(document.syntaxProblems[0].message, /Invalid template expression/);
    assert.equal(textAt(text, document.syntaxProblems[0].span), `"[concat('a']"`);
    const value = unknownOf(document.resources[0].get('properties.v'));
    assert.match(value.reason, /invalid template expression/);
  });

  it('reports invalid expressions that are never evaluated: unused variables, outputs, property names, false conditions', () => {
    const text = templateText({
      parameters: { p: { type: 'string', metadata: { description: '[Preview]' } } },
      variables: { unused: "[concat('a', ]", nested: { deep: ['ok', "[parameters('p'))]"] } },
      resources: [
        {
          condition: false,
          type: 'Microsoft.Test/things',
          apiVersion: '2024-01-01',
          name: 'r',
          properties: { "[bad name(']": 'x' },
        },
      ],
      outputs: { o: { type: 'string', value: '[.]' } },
    });
    const document = documentOf(text);
    const spans = document.syntaxProblems.map((p) => textAt(text, p.span));
    assert.deepEqual(spans, [`"[concat('a', ]"`, `"[parameters('p'))]"`, `"[bad name(']"`, '"[.]"']);
    for (const problem of document.syntaxProblems) assert.match(problem.message, /^Invalid template expression: /);
  });
});

describe('ARM expressions: evaluation', () => {
  it('computes string functions', () => {
    assert.equal(known(valueOf("[concat('a', 'b', 'c')]")), 'abc');
    assert.equal(known(valueOf("[format('{0}-{1}', 'x', 3)]")), 'x-3');
    assert.equal(known(valueOf("[toLower('ABC')]")), 'abc');
    assert.equal(known(valueOf("[toUpper('abc')]")), 'ABC');
    assert.equal(known(valueOf("[replace('a-b-c', '-', '.')]")), 'a.b.c');
    assert.equal(known(valueOf("[substring('abcdef', 1, 3)]")), 'bcd');
    assert.equal(known(valueOf('[string(true)]')), 'True');
    assert.equal(known(valueOf("[last(split('a/b/c', '/'))]")), 'c');
    assert.equal(known(valueOf("[first(createArray('x', 'y'))]")), 'x');
    assert.equal(known(valueOf("[length('abcd')]")), 4);
    assert.equal(known(valueOf('[[literal]')), '[literal]');
  });

  it('computes logic, comparison and conversion functions', () => {
    assert.equal(known(valueOf('[not(true())]')), false);
    assert.equal(known(valueOf("[equals('a', 'a')]")), true);
    assert.equal(known(valueOf("[equals('a', 'A')]")), false);
    assert.equal(known(valueOf('[and(true(), false())]')), false);
    assert.equal(known(valueOf('[or(false(), true())]')), true);
    assert.equal(known(valueOf("[if(equals(1, 1), 'yes', 'no')]")), 'yes');
    assert.equal(known(valueOf("[empty('')]")), true);
    assert.equal(known(valueOf('[empty(createArray())]')), true);
    assert.equal(known(valueOf("[contains(createArray('a', 'b'), 'b')]")), true);
    assert.equal(known(valueOf("[contains(createObject('k', 1), 'k')]")), true);
    assert.equal(known(valueOf("[bool('true')]")), true);
    assert.equal(known(valueOf("[int('42')]")), 42);
    assert.equal(known(valueOf('[add(2, 3)]')), 5);
    assert.equal(known(valueOf('[less(2, 3)]')), true);
    assert.equal(known(valueOf("[coalesce(null(), 'x')]")), 'x');
    assert.deepEqual(known(valueOf('[json(\'{"a": [1, true]}\')]')), { a: [1, true] });
  });

  it('builds objects and arrays, and reads them by property and index', () => {
    assert.deepEqual(known(valueOf("[createObject('a', 1, 'b', createArray(true))]")), { a: 1, b: [true] });
    assert.deepEqual(known(valueOf("[union(createObject('a', 1), createObject('b', 2))]")), { a: 1, b: 2 });
    assert.equal(known(valueOf("[createObject('a', createObject('b', 'deep')).a.b]")), 'deep');
    assert.equal(known(valueOf("[createArray('x', 'y')[1]]")), 'y');
    assert.equal(known(valueOf("[createObject('k', 'v')['k']]")), 'v');
    assert.equal(known(valueOf("[tryGet(createObject('k', 'v'), 'missing')]")), null);
    assert.deepEqual(
      known(valueOf("[shallowMerge(createArray(createObject('a', 1, 'b', 1), createObject('b', 2)))]")),
      { a: 1, b: 2 },
    );
  });

  it('short-circuits if/and/or/coalesce around unknowns', () => {
    const context = { parameters: { p: { type: 'bool' } } };
    assert.equal(known(valueOf("[or(true(), parameters('p'))]", context)), true);
    assert.equal(known(valueOf("[and(false(), parameters('p'))]", context)), false);
    assert.equal(known(valueOf("[if(true(), 'a', parameters('p'))]", context)), 'a');
    const either = unknownOf(valueOf("[if(parameters('p'), 'Enabled', 'Disabled')]", context));
    assert.match(either.reason, /depends on parameter 'p', which has no default/);
    assert.deepEqual(
      either.candidates?.map((c) => (c.kind === 'literal' ? c.value : undefined)),
      ['Enabled', 'Disabled'],
    );
  });

  it('keeps union open-ended when a side is unknown', () => {
    const value = valueOf("[union(createObject('publicNetworkAccess', 'Disabled'), parameters('extra'))]", {
      parameters: { extra: { type: 'object' } },
    });
    assert.equal(value.kind, 'object');
    if (value.kind !== 'object') return;
    assert.ok(value.openEnded);
    assert.match(value.openEnded.reason, /parameter 'extra'/);
    assert.equal(value.properties[0].name, 'publicNetworkAccess');
  });

  it('does not claim length, emptiness or equality of open-ended values', () => {
    const context = { parameters: { extra: { type: 'object' }, more: { type: 'array' } } };
    const open = "union(createObject(), parameters('extra'))";
    assert.match(unknownOf(valueOf(`[empty(${open})]`, context)).reason, /parameter 'extra'/);
    assert.match(unknownOf(valueOf(`[length(${open})]`, context)).reason, /parameter 'extra'/);
    assert.equal(valueOf(`[equals(${open}, createObject())]`, context).kind, 'unknown');
    const concatenated = valueOf("[concat(createArray('a'), union(createArray('b'), parameters('more')))]", context);
    assert.equal(concatenated.kind, 'array');
    assert.ok(concatenated.kind === 'array' && concatenated.openEnded);
    assert.deepEqual(concatenated.kind === 'array' ? concatenated.items.map((i) => known(i)) : [], ['a', 'b']);
  });

  it('makes resource ids and runtime functions unknown with references', () => {
    const id = unknownOf(valueOf("[resourceId('Microsoft.Storage/storageAccounts', 'st1')]"));
    assert.equal(id.reference?.type, 'Microsoft.Storage/storageAccounts');
    assert.equal(id.reference?.attribute, 'id');
    assert.deepEqual(id.reference?.name && known(id.reference.name), 'st1');
    const child = unknownOf(
      valueOf("[resourceId('Microsoft.Storage/storageAccounts/blobServices', 'st1', 'default')]"),
    );
    assert.equal(child.reference?.name && known(child.reference.name), 'st1/default');
    const ext = unknownOf(valueOf("[subscriptionResourceId('Microsoft.Authorization/roleDefinitions', 'abc')]"));
    assert.equal(ext.reference?.type, 'Microsoft.Authorization/roleDefinitions');

    const keys = unknownOf(
      valueOf("[listKeys(resourceId('Microsoft.Storage/storageAccounts', 'st1'), '2023-01-01').keys[0].value]"),
    );
    assert.equal(keys.reference?.attribute, 'listKeys');
    assert.equal(keys.reference?.type, 'Microsoft.Storage/storageAccounts');
    for (const name of ['listAdminKeys', 'listQueryKeys', 'listConnectionStrings']) {
      const value = unknownOf(valueOf(`[${name}(resourceId('Microsoft.Search/searchServices', 's'), '2023-11-01')]`));
      assert.equal(value.reference?.attribute, name);
      assert.match(value.reason, /secret/);
    }
    const endpoint = unknownOf(
      valueOf("[reference(resourceId('Microsoft.CognitiveServices/accounts', 'a'), '2024-10-01').endpoint]"),
    );
    assert.equal(endpoint.reference?.attribute, 'properties.endpoint');
    const full = unknownOf(
      valueOf(
        "[reference(resourceId('Microsoft.CognitiveServices/accounts', 'a'), '2024-10-01', 'Full').identity.principalId]",
      ),
    );
    assert.equal(full.reference?.attribute, 'identity.principalId');

    for (const opaque of [
      '[uniqueString(resourceGroup().id)]',
      "[guid('a')]",
      '[newGuid()]',
      '[utcNow()]',
      '[resourceGroup().location]',
      '[subscription().subscriptionId]',
      '[deployment().name]',
    ]) {
      const value = unknownOf(valueOf(opaque));
      assert.ok(value.reason.length > 0, opaque);
      assert.equal(value.reference, undefined, opaque);
    }
  });

  it('refers to symbolic resources with reference() in languageVersion 2.0', () => {
    const text = templateText({
      languageVersion: '2.0',
      resources: {
        account: { type: 'Microsoft.CognitiveServices/accounts', apiVersion: '2024-10-01', name: 'a' },
        user: {
          type: 'Microsoft.Test/things',
          apiVersion: '2024-01-01',
          name: 'u',
          properties: { endpoint: "[reference('account').endpoint]", id: "[resourceInfo('account').id]" },
        },
      },
    });
    const document = documentOf(text);
    const endpoint = unknownOf(document.resources[1].get('properties.endpoint'));
    assert.equal(endpoint.reference?.key, 'account');
    assert.equal(endpoint.reference?.attribute, 'properties.endpoint');
    const id = unknownOf(document.resources[1].get('properties.id'));
    assert.deepEqual([id.reference?.key, id.reference?.attribute], ['account', 'id']);
  });

  it('gives sub-expressions exact spans, also through JSON escapes', () => {
    const text = templateText({
      parameters: { p: { type: 'string' } },
      resources: [
        {
          type: 'Microsoft.Test/things',
          apiVersion: '2024-01-01',
          name: 'r',
          properties: { v: "[concat('\"q\"', parameters('p'))]" },
        },
      ],
    });
    const document = documentOf(text);
    const value = unknownOf(document.resources[0].get('properties.v'));
    // The whole string is the value's span; the parameter use is the origin-bearing part.
    assert.ok(textAt(text, value.span).startsWith('"[concat('));
    assert.equal(value.text.includes("parameters('p')"), true);
    const origin = value.origins?.find((o) => o.description === "parameter 'p'");
    assert.ok(origin);
    assert.equal(textAt(text, origin.span).startsWith('"p"'), true);
  });

  it('reports functions it does not evaluate as unknown with the function named', () => {
    const value = unknownOf(valueOf("[map(createArray(1), lambda('x', lambdaVariables('x')))]"));
    assert.match(value.reason, /lambda/);
    const other = unknownOf(valueOf("[someFutureFunction('a')]"));
    assert.match(other.reason, /someFutureFunction/);
  });
});
