import type { Command } from 'commander';
import { checkLedger } from '../../ledger/ledger-check.js';
import { output, withServices } from '../context.js';

/** `payoff migrate` and `payoff ledger check`. */
export function registerStoreCommands(program: Command): void {
  program
    .command('migrate')
    .description('apply pending database migrations (serve also does this on start)')
    .action(async (_options: unknown, command: Command) => {
      // buildServices migrates; this command exists to do only that.
      await withServices(command, async () => undefined);
      output(command, { migrated: true }, () => 'database is up to date');
    });

  const ledger = program.command('ledger').description('the double-entry books');
  ledger
    .command('check')
    .description('verify every ledger invariant; exits 1 naming what is broken')
    .action(async (_options: unknown, command: Command) => {
      const problems = await withServices(command, (s) => checkLedger(s.store));
      output(
        command,
        { ok: problems.length === 0, problems: problems.map((p) => ({ ...p })) },
        () =>
          problems.length === 0
            ? 'ledger OK: every invariant holds'
            : problems.map((p) => `BROKEN ${p.invariant}: ${p.detail}`).join('\n'),
      );
      if (problems.length > 0) process.exitCode = 1;
    });
}
