import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { methodsModel } from './client-fixture.js';
import { kewldanAaio } from './python-clients.js';
import { collection, oneOf, optional, required, violations } from './wire-model.js';

describe('violations', () => {
  it('finds nothing in an answer that fits', () => {
    const model = { id: required('string'), amount: required('number') };
    assert.deepEqual(violations(model, { id: 'a', amount: 1.5, extra: true }), []);
  });

  it('reports a missing required field but not a missing optional one', () => {
    const model = { id: required('string'), note: optional('string', 'null') };
    assert.deepEqual(violations(model, {}), ['id: missing']);
  });

  it('accepts an integer where a number is wanted, never a fraction where an integer is', () => {
    assert.deepEqual(violations({ n: required('number') }, { n: 3 }), []);
    assert.deepEqual(violations({ n: required('integer') }, { n: 0.5 }), [
      'n: number is not integer',
    ]);
  });

  it('reports null, strings and numbers where another kind is wanted', () => {
    const model = { a: required('string'), b: required('number'), c: required('string') };
    assert.deepEqual(violations(model, { a: null, b: '500', c: 12 }), [
      'a: null is not string',
      'b: string is not number',
      'c: integer is not string',
    ]);
  });

  it('reports a value outside a Literal', () => {
    assert.deepEqual(violations({ t: oneOf('integer', [0, 1]) }, { t: 2 }), [
      't: 2 is not one of 0, 1',
    ]);
  });

  it('checks every member of an object map and every item of an array', () => {
    const model = {
      map: collection('object', { v: required('number') }),
      list: collection('array', { v: required('number') }),
    };
    assert.deepEqual(violations(model, { map: { x: { v: 1 }, y: {} }, list: [{ v: 'no' }] }), [
      'map.y.v: missing',
      'list.0.v: string is not number',
    ]);
  });

  it('refuses a methods list sent as an array, as a Map or dict model does', () => {
    assert.deepEqual(violations(methodsModel, { list: [] }), ['list: array is not object']);
  });

  it('catches the mistakes the known clients cannot parse', () => {
    const info = kewldanAaio.calls.find((call) => call.path === '/api/info-payoff');
    assert.ok(info);
    const broken = {
      id: 'x',
      my_id: null,
      method: 'qiwi',
      wallet: '7',
      amount: '100',
      amount_down: 100,
      commission: 2,
      commission_type: '0',
      status: 'in_process',
      date: '2024-01-01 00:00:00',
    };
    assert.deepEqual(violations(info.model, broken), [
      'my_id: null is not string',
      'amount: string is not number',
      'commission_type: string is not integer',
    ]);
  });
});
