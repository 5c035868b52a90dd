import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startCompatServer } from '../support/compat-server.js';

const apiDoc = readFileSync(new URL('../../../../../docs/api.md', import.meta.url), 'utf8');

describe('docs/api.md', () => {
  it('documents every /api endpoint the server registers, with its permission', async () => {
    const server = await startCompatServer();
    try {
      const routes = server.app.printRoutes({ commonPrefix: false });
      const paths = new Set(routes.match(/\/api\/[a-z/-]+[a-z]/g));
      assert.ok(paths.size >= 7, routes);
      for (const path of paths) {
        assert.match(apiDoc, new RegExp(`\\| \`(GET/POST|POST) ${path}\` \\|`), path);
      }
    } finally {
      await server.close();
    }
  });
});
