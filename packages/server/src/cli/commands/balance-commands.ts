import type { Command } from 'commander';
import { creditMerchant, getBalance, type MerchantBalance } from '../../ledger/balances.js';
import { maxMinorUnits } from '../../money/money-limit.js';
import { formatRub, formatRubFixed, parseRubAmount } from '../../money/rub.js';
import { rubNumber } from '../../wire/wire-numbers.js';
import { output, withServices } from '../context.js';

/** `payoff balance credit|show`. */
export function registerBalanceCommands(program: Command): void {
  const balance = program.command('balance').description("credit and show merchants' balances");

  balance
    .command('credit')
    .description("add RUB to a merchant's available balance (a ledger transfer from funding)")
    .requiredOption('--merchant <id>', 'merchant id')
    .requiredOption('--amount <rub>', 'RUB with at most two decimals, e.g. 1500.50')
    .option('--referral', 'credit the referral balance instead')
    .action(
      async (
        options: { merchant: string; amount: string; referral?: boolean },
        command: Command,
      ) => {
        const kopecks = parseRubAmount(options.amount);
        if (kopecks === undefined) {
          const limit = formatRub(maxMinorUnits);
          throw new Error(`--amount must be RUB like 1500 or 1500.50, at most ${limit}`);
        }
        const kind = options.referral ? 'referral' : 'available';
        const result = await withServices(command, (s) =>
          creditMerchant(s.store, options.merchant, kopecks, kind),
        );
        show(command, options.merchant, result);
      },
    );

  balance
    .command('show')
    .description("show a merchant's available, hold and referral balances")
    .requiredOption('--merchant <id>', 'merchant id')
    .action(async (options: { merchant: string }, command: Command) => {
      const result = await withServices(command, (s) => getBalance(s.store.db, options.merchant));
      show(command, options.merchant, result);
    });
}

function show(command: Command, merchantId: string, balance: MerchantBalance): void {
  output(
    command,
    {
      merchant: merchantId,
      balance: rubNumber(balance.available),
      hold: rubNumber(balance.hold),
      referral: rubNumber(balance.referral),
    },
    () =>
      [
        `merchant  ${merchantId}`,
        `available ${formatRubFixed(balance.available)} RUB`,
        `hold      ${formatRubFixed(balance.hold)} RUB`,
        `referral  ${formatRubFixed(balance.referral)} RUB`,
      ].join('\n'),
  );
}
