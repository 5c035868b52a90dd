import type { Command } from 'commander';
import { rateCurrencies } from '../../money/currency.js';
import { decimalTextNumber } from '../../wire/wire-numbers.js';
import { output, withServices } from '../context.js';

/** `payoff rates set|show`. */
export function registerRatesCommands(program: Command): void {
  const rates = program.command('rates').description('exchange rates, RUB per unit');

  rates
    .command('set')
    .description(`set the rate of ${rateCurrencies.join(', ')} in RUB per unit`)
    .argument('<currency>', rateCurrencies.join(' | '))
    .argument('<rate>', 'RUB per unit, e.g. 96.92')
    .action(async (currency: string, rate: string, _options: unknown, command: Command) => {
      const set = await withServices(command, (s) => s.rates.set(currency.toUpperCase(), rate));
      output(
        command,
        { currency: set.currency, rate: decimalTextNumber(set.text) },
        () => `${set.currency} = ${set.text} RUB`,
      );
    });

  rates
    .command('show')
    .description('show the rates in force')
    .action(async (_options: unknown, command: Command) => {
      const all = await withServices(command, (s) => s.rates.all());
      const list = rateCurrencies.map((c) => all[c]);
      output(
        command,
        Object.fromEntries(list.map((r) => [r.currency, decimalTextNumber(r.text)])),
        () => list.map((r) => `${r.currency.padEnd(5)} ${r.text} RUB`).join('\n'),
      );
    });
}
