import type { Command } from 'commander';
import {
  getWebhook,
  listWebhooks,
  resendWebhook,
  type WebhookAttempt,
  type WebhookDetail,
  type WebhookState,
  type WebhookSummary,
} from '../../webhooks/webhook-log.js';
import { output, withServices } from '../context.js';

const states: readonly WebhookState[] = ['pending', 'delivered', 'failed', 'unqueued'];

/** `payoff webhook list|show|resend`. */
export function registerWebhookCommands(program: Command): void {
  const webhook = program.command('webhook').description('inspect and resend payoff webhooks');

  webhook
    .command('list')
    .description("list payouts' webhook events, newest first")
    .option('--merchant <id>', 'only this merchant')
    .option('--state <state>', `only ${states.join(', ')}`)
    .option('--limit <n>', 'at most this many', '50')
    .action(async (options: ListOptions, command: Command) => {
      const state = parseState(options.state);
      const limit = Number(options.limit);
      if (!/^\d{1,5}$/.test(options.limit) || limit < 1) {
        throw new Error('--limit must be a whole number from 1 to 99999');
      }
      const list = await withServices(command, (s) =>
        listWebhooks(s.store.db, { merchantId: options.merchant, state, limit }),
      );
      output(
        command,
        list.map((w) => ({ ...w })),
        () => list.map(summaryLine).join('\n') || 'no webhooks',
      );
    });

  webhook
    .command('show')
    .description("show a payout's webhook: its body and every attempt")
    .argument('<payout>', 'payout id (or event id)')
    .action(async (id: string, _options: unknown, command: Command) => {
      const found = await withServices(command, (s) => getWebhook(s.store.db, id));
      output(command, { ...found, attempts: found.attempts.map((a) => ({ ...a })) }, () =>
        describe(found),
      );
    });

  webhook
    .command('resend')
    .description("send a payout's webhook again now: same event id and body, fresh retries")
    .argument('<payout>', 'payout id (or event id)')
    .action(async (id: string, _options: unknown, command: Command) => {
      const queued = await withServices(command, (s) => resendWebhook(s.store, id));
      output(
        command,
        { ...queued },
        () => `webhook ${queued.eventId} of payout ${queued.payoutId} queued to ${queued.url}`,
      );
    });
}

interface ListOptions {
  readonly merchant?: string;
  readonly state?: string;
  readonly limit: string;
}

function parseState(text: string | undefined): WebhookState | undefined {
  if (text === undefined) return undefined;
  if (!(states as readonly string[]).includes(text)) {
    throw new Error(`--state must be one of ${states.join(', ')}`);
  }
  return text as WebhookState;
}

function summaryLine(w: WebhookSummary): string {
  const next = w.nextAttemptAt ? `  next ${w.nextAttemptAt}` : '';
  return (
    `${w.payoutId}  ${w.payoutStatus.padEnd(7)} ${w.state.padEnd(9)} ` +
    `${String(w.attemptCount).padStart(2)} attempts${next}  ${w.url ?? '-'}`
  );
}

function describe(w: WebhookDetail): string {
  return [
    `payout     ${w.payoutId} (${w.payoutStatus})`,
    `event      ${w.eventId}`,
    `merchant   ${w.merchantId}`,
    `url        ${w.url ?? '- (no URL when the payout settled)'}`,
    `state      ${w.state}${w.nextAttemptAt ? `, next attempt ${w.nextAttemptAt}` : ''}`,
    `created    ${w.createdAt}`,
    `finished   ${w.finishedAt ?? '-'}`,
    `body       ${w.body}`,
    `attempts   ${w.attempts.length === 0 ? 'none yet' : ''}`,
    ...w.attempts.map(attemptLine),
  ].join('\n');
}

function attemptLine(a: WebhookAttempt): string {
  const result = a.statusCode === null ? a.outcome : `${a.outcome} HTTP ${a.statusCode}`;
  const reason = a.reason ? ` (${a.reason})` : '';
  const next = a.nextAttemptAt ? `; next retry ${a.nextAttemptAt}` : '';
  return `  #${a.number} ${a.startedAt}  ${result}${reason}  ${a.durationMs} ms${next}`;
}
