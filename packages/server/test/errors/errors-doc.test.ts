import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { errorCatalogue } from '../../src/errors/payoff-error.js';

// From packages/server/dist/test/errors to the repository root.
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../../../..');
const docPath = resolve(repoRoot, 'docs/errors.md');

interface DocRow {
  readonly code: string;
  readonly status: number;
  readonly when: string;
}

/** The rows of the `| code | HTTP status | when |` table; throws on a malformed row. */
function readErrorTable(markdown: string): DocRow[] {
  const lines = markdown.split('\n').filter((line) => line.startsWith('|'));
  const [header, separator, ...rows] = lines;
  assert.equal(header, '| code | HTTP status | when |');
  assert.match(separator ?? '', /^\|(-{3,}\|){3}$/);

  return rows.map((line) => {
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    assert.equal(cells.length, 3, `row needs three cells: ${line}`);
    const [code = '', status = '', when = ''] = cells;
    const name = /^`([a-z_]+)`$/.exec(code)?.[1];
    assert.ok(name, `code cell must be one backticked code: ${line}`);
    assert.match(status, /^\d{3}$/, `status must be three digits: ${line}`);
    return { code: name, status: Number(status), when };
  });
}

describe('docs/errors.md', () => {
  const rows = readErrorTable(readFileSync(docPath, 'utf8'));

  it('lists every code of the catalogue with its HTTP status', () => {
    const documented = new Map(rows.map((row) => [row.code, row.status]));
    for (const [code, status] of Object.entries(errorCatalogue)) {
      assert.equal(documented.get(code), status, `${code} must be documented with ${status}`);
    }
  });

  it('lists nothing that is not in the catalogue, and each code once', () => {
    for (const row of rows) {
      assert.ok(Object.hasOwn(errorCatalogue, row.code), `${row.code} is not in errorCatalogue`);
    }
    assert.equal(new Set(rows.map((row) => row.code)).size, rows.length);
    assert.equal(rows.length, Object.keys(errorCatalogue).length);
  });

  it('says when each code happens', () => {
    for (const row of rows) assert.ok(row.when.length > 10, `${row.code} needs a "when"`);
  });
});
