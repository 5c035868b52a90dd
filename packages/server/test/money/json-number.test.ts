import { describe, it } from 'node:test';
import assert from 'node:assert/strict';

import { JsonNumber, writeJson } from '../../src/money/json-number.js';

describe('JsonNumber', () => {
  it('accepts JSON number text', () => {
    for (const text of ['0', '485', '60.4', '0.00010888', '-1.5', '96.92']) {
      assert.equal(new JsonNumber(text).text, text);
    }
  });

  it('refuses text that is not a JSON number', () => {
    for (const text of ['', '1e3', '.5', '5.', 'NaN', '0x10', '+1', '1,5', '095.5', '00']) {
      assert.throws(() => new JsonNumber(text), RangeError, JSON.stringify(text));
    }
  });
});

describe('writeJson', () => {
  it('writes money as the exact digits, with no float in between', () => {
    const text = writeJson({
      commission: new JsonNumber('60.40'),
      big: new JsonNumber('90071992547409931.01'),
      btc: new JsonNumber('0.00010888'),
    });
    assert.equal(text, '{"commission":60.40,"big":90071992547409931.01,"btc":0.00010888}');
  });

  it('keeps key order, skips undefined members and writes null', () => {
    const text = writeJson({ b: '1', a: undefined, c: null, d: true, e: [new JsonNumber('1')] });
    assert.equal(text, '{"b":"1","c":null,"d":true,"e":[1]}');
  });

  it('writes safe integers and refuses a float or unsafe number', () => {
    assert.equal(writeJson({ commission_type: 1 }), '{"commission_type":1}');
    assert.throws(() => writeJson({ amount: 60.4 }), RangeError);
    assert.throws(() => writeJson({ amount: 2 ** 53 }), RangeError);
  });

  it('escapes strings like JSON.stringify', () => {
    const text = writeJson({ message: 'say "hi"\n\u2028' });
    assert.deepEqual(JSON.parse(text), { message: 'say "hi"\n\u2028' });
  });
});
