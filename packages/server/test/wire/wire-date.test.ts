import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { formatWireDate, formatWireDateOrNull } from '../../src/wire/wire-date.js';

describe('formatWireDate', () => {
  it('renders a UTC instant as YYYY-MM-DD HH:MM:SS in UTC', () => {
    assert.equal(formatWireDate('2024-03-01T21:05:09.120Z', 'UTC'), '2024-03-01 21:05:09');
  });

  it('shifts into the display zone, across midnight and the month end', () => {
    assert.equal(formatWireDate('2024-02-29T21:05:09Z', 'Europe/Moscow'), '2024-03-01 00:05:09');
  });

  it('writes midnight as 00, never 24', () => {
    assert.equal(formatWireDate('2024-01-01T00:00:00Z', 'UTC'), '2024-01-01 00:00:00');
  });

  it('pads single-digit months, days and times with a zero', () => {
    assert.equal(formatWireDate('2025-01-02T03:04:05Z', 'UTC'), '2025-01-02 03:04:05');
  });

  it('follows daylight saving time of the display zone', () => {
    assert.equal(formatWireDate('2024-01-15T12:00:00Z', 'America/New_York'), '2024-01-15 07:00:00');
    assert.equal(formatWireDate('2024-07-15T12:00:00Z', 'America/New_York'), '2024-07-15 08:00:00');
  });

  it('truncates fractions of a second instead of rounding up', () => {
    assert.equal(formatWireDate('2024-05-05T10:20:59.999Z', 'UTC'), '2024-05-05 10:20:59');
  });

  it('refuses text that is not an instant', () => {
    assert.throws(() => formatWireDate('yesterday', 'UTC'), RangeError);
  });

  it('keeps a missing instant null', () => {
    assert.equal(formatWireDateOrNull(null, 'UTC'), null);
    assert.equal(formatWireDateOrNull('2024-01-01T00:00:00Z', 'UTC'), '2024-01-01 00:00:00');
  });
});
