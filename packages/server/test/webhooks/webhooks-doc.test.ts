import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { webhookEnvKeys, webhookFileShape } from '../../src/config/webhook-settings.js';
import { buildPayoffEventBody } from '../../src/webhooks/payoff-event.js';
import { toPayout } from '../../src/payouts/payout.js';

const payoffBin = fileURLToPath(new URL('../../../bin/payoff.js', import.meta.url));
const doc = readFileSync(new URL('../../../../../docs/webhooks.md', import.meta.url), 'utf8');

describe('docs/webhooks.md', () => {
  it('documents every webhook setting under its config key and variable', () => {
    for (const key of [...Object.keys(webhookFileShape), 'webhookIps']) {
      assert.match(doc, new RegExp(`\`${key}\``), key);
    }
    for (const variable of Object.keys(webhookEnvKeys)) {
      assert.match(doc, new RegExp(`\`${variable}\``), variable);
    }
  });

  it('lists the body fields in the order they are sent', () => {
    const body = buildPayoffEventBody(
      toPayout({
        id: 'p',
        merchant_id: 'm',
        my_id: null,
        method: 'cards_ru',
        wallet: 'w',
        bank_id: null,
        bank_name: null,
        phone_operator: null,
        requested_amount: 100n,
        amount: 100n,
        amount_down: 100n,
        commission: 0n,
        commission_type: 0,
        currency: 'RUB',
        amount_in_currency: 100n,
        rate: null,
        webhook_url: null,
        rail: 'sandbox',
        status: 'success',
        cancel_message: null,
        created_at: '2026-01-01T00:00:00.000Z',
        completed_at: '2026-01-01T00:00:01.000Z',
        rail_due_at: null,
      }),
      'secret',
      'UTC',
    );
    const sent = [...new URLSearchParams(body).keys()];
    const table = [...doc.matchAll(/^\| `([a-z_]+)` \| .* \| .* \|$/gm)].map((m) => m[1]);
    assert.deepEqual(
      table.filter((name) => sent.includes(name ?? '')),
      sent,
    );
  });

  it('documents every webhook command of the CLI', () => {
    const commands = [
      ['merchant', 'set-webhook'],
      ['merchant', 'rotate-webhook-secret'],
      ['webhook', 'list'],
      ['webhook', 'show'],
      ['webhook', 'resend'],
    ];
    for (const [group, name] of commands) {
      const help = spawnSync(process.execPath, [payoffBin, group ?? '', '--help'], {
        encoding: 'utf8',
      });
      assert.match(help.stdout, new RegExp(`^  ${name} `, 'm'), `${group} ${name} exists`);
      assert.match(doc, new RegExp(`payoff ${group} ${name}`), `${group} ${name}`);
    }
  });
});
