import type { Command } from 'commander';
import { currencyScales } from '../../money/currency.js';
import { formatShortest } from '../../money/decimal.js';
import type { JsonValue } from '../../money/json-number.js';
import { formatRubFixed } from '../../money/rub.js';
import type { Payout } from '../../payouts/payout.js';
import { decimalTextNumber, rubNumber, scaledNumber } from '../../wire/wire-numbers.js';
import { output, withServices } from '../context.js';

/** `payoff payout list|show|settle`. */
export function registerPayoutCommands(program: Command): void {
  const payout = program.command('payout').description('inspect and settle payouts');

  payout
    .command('list')
    .description('list payouts, newest first')
    .option('--merchant <id>', 'only this merchant')
    .option('--status <status>', 'only in_process, success or cancel')
    .option('--limit <n>', 'at most this many', '50')
    .action(
      async (options: { merchant?: string; status?: string; limit: string }, command: Command) => {
        const limit = Number(options.limit);
        if (!/^\d{1,5}$/.test(options.limit) || limit < 1) {
          throw new Error('--limit must be a whole number from 1 to 99999');
        }
        if (options.status && !['in_process', 'success', 'cancel'].includes(options.status)) {
          throw new Error('--status must be in_process, success or cancel');
        }
        const payouts = await withServices(command, (s) =>
          s.payouts.list({ merchantId: options.merchant, status: options.status, limit }),
        );
        output(
          command,
          payouts.map(payoutJson),
          () =>
            payouts
              .map(
                (p) =>
                  `${p.id}  ${p.status.padEnd(10)} ${p.method.padEnd(13)} ` +
                  `${formatRubFixed(p.amountDownKopecks).padStart(10)} RUB  ${p.createdAt}`,
              )
              .join('\n') || 'no payouts',
        );
      },
    );

  payout
    .command('show')
    .description('show one payout')
    .argument('<id>', 'payout id')
    .action(async (id: string, _options: unknown, command: Command) => {
      const found = await withServices(command, (s) => s.payouts.get(id));
      output(command, payoutJson(found), () => describe(found));
    });

  payout
    .command('settle')
    .description(
      'settle an in-process payout by hand (a final status never changes; exits 1 when ' +
        'the payout is already final with the other status)',
    )
    .argument('<id>', 'payout id')
    .requiredOption('--status <status>', 'success or cancel')
    .option('--message <text>', 'cancel message shown to the merchant')
    .action(async (id: string, options: { status: string; message?: string }, command: Command) => {
      if (options.status !== 'success' && options.status !== 'cancel') {
        throw new Error('--status must be success or cancel');
      }
      const status = options.status;
      const result = await withServices(command, (s) =>
        s.payouts.settle(id, status, options.message ?? null),
      );
      output(command, { ...payoutJson(result.payout), changed: result.changed }, () =>
        result.changed
          ? `payout ${id} is now ${result.payout.status}`
          : `payout ${id} was already ${result.payout.status}; nothing changed`,
      );
      // Asking for the status it already has is a harmless repeat; the other one is not.
      if (result.payout.status !== status) process.exitCode = 1;
    });
}

/** A payout as the CLI prints it with `--json`: money as JSON numbers. */
export function payoutJson(payout: Payout): Record<string, JsonValue> {
  return {
    id: payout.id,
    merchant_id: payout.merchantId,
    my_id: payout.myId ?? '',
    method: payout.method,
    wallet: payout.wallet,
    bank_id: payout.bankId,
    phone_operator: payout.phoneOperator,
    amount: rubNumber(payout.amountKopecks),
    amount_in_currency: scaledNumber(payout.amountInCurrency, currencyScales[payout.currency]),
    amount_currency: payout.currency,
    amount_rate: payout.rate === null ? null : decimalTextNumber(payout.rate),
    amount_down: rubNumber(payout.amountDownKopecks),
    commission: rubNumber(payout.commissionKopecks),
    commission_type: payout.commissionType,
    rail: payout.rail,
    status: payout.status,
    cancel_message: payout.cancelMessage,
    created_at: payout.createdAt,
    completed_at: payout.completedAt,
  };
}

function describe(payout: Payout): string {
  const inCurrency = formatShortest(payout.amountInCurrency, currencyScales[payout.currency]);
  return [
    `payout      ${payout.id}`,
    `merchant    ${payout.merchantId}`,
    `my_id       ${payout.myId ?? ''}`,
    `method      ${payout.method} via ${payout.rail}`,
    `wallet      ${payout.wallet}`,
    `status      ${payout.status}${payout.cancelMessage ? ` (${payout.cancelMessage})` : ''}`,
    `amount      ${formatRubFixed(payout.amountKopecks)} RUB → ${inCurrency} ${payout.currency}`,
    `amount_down ${formatRubFixed(payout.amountDownKopecks)} RUB`,
    `commission  ${formatRubFixed(payout.commissionKopecks)} RUB (type ${payout.commissionType})`,
    `created     ${payout.createdAt}`,
    `completed   ${payout.completedAt ?? '-'}`,
  ].join('\n');
}
