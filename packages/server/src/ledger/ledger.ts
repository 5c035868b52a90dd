import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { PayoffError } from '../errors/payoff-error.js';
import { isWithinMoneyLimit, maxMinorUnits } from '../money/money-limit.js';
import { formatRub } from '../money/rub.js';
import type { Tx } from '../store/store.js';

/** Why money moved; at most one transfer of each payout kind exists per payout. */
export type TransferKind = 'credit' | 'payout_reserve' | 'payout_success' | 'payout_cancel';

/** One side of a transfer: minor units added to (positive) or taken from an account. */
export interface Leg {
  readonly account: string;
  readonly amount: bigint;
}

/** A balanced movement of money between accounts. */
export interface Transfer {
  readonly kind: TransferKind;
  readonly payoutId?: string;
  readonly legs: readonly Leg[];
  readonly at: string;
}

/**
 * Writes a transfer and applies it to the balances, inside the caller's transaction.
 * Each leg is a conditional update that can neither overdraw an account nor take its
 * balance beyond ± `maxMinorUnits`: when it would, `insufficient_balance` or
 * `invalid_amount` is thrown, so the caller rolls back. A leg beyond the limit itself is
 * refused before anything is written.
 */
export async function postTransfer(tx: Tx, transfer: Transfer): Promise<string> {
  const legs = transfer.legs.filter((leg) => leg.amount !== 0n);
  assertWithinLimit(legs);
  assertBalanced(legs);
  const id = randomUUID();

  await tx
    .insertInto('transfers')
    .values({
      id,
      kind: transfer.kind,
      payout_id: transfer.payoutId ?? null,
      created_at: transfer.at,
    })
    .execute();
  await tx
    .insertInto('entries')
    .values(legs.map((leg) => ({ transfer_id: id, account_id: leg.account, amount: leg.amount })))
    .execute();

  for (const leg of legs) await applyLeg(tx, leg, transfer.kind);
  return id;
}

async function applyLeg(tx: Tx, leg: Leg, kind: TransferKind): Promise<void> {
  const newBalance = sql<bigint>`balance + ${leg.amount}`;
  const result = await tx
    .updateTable('accounts')
    .set({ balance: newBalance })
    .where('id', '=', leg.account)
    .where((eb) =>
      eb.and([
        eb(newBalance, '<=', maxMinorUnits),
        eb(newBalance, '>=', -maxMinorUnits),
        eb.or([eb('may_go_negative', '=', 1), eb(newBalance, '>=', 0n)]),
      ]),
    )
    .executeTakeFirst();
  if (result.numUpdatedRows === 1n) return;

  // Refused: read the balance (the transaction holds the write lock) to say why.
  const account = await tx
    .selectFrom('accounts')
    .select('balance')
    .where('id', '=', leg.account)
    .executeTakeFirst();
  if (!account) throw new Error(`account ${leg.account} is missing`);
  if (!isWithinMoneyLimit(BigInt(account.balance) + leg.amount)) {
    const what = kind === 'credit' ? 'credit' : 'transfer';
    throw new PayoffError(
      'invalid_amount',
      `This ${what} would take a balance over the ` +
        `ledger's limit of ${formatRub(maxMinorUnits)} RUB.`,
    );
  }
  throw new PayoffError('insufficient_balance', 'Insufficient balance for this payout.');
}

function assertWithinLimit(legs: readonly Leg[]): void {
  const over = legs.find((leg) => !isWithinMoneyLimit(leg.amount));
  if (!over) return;
  const magnitude = over.amount < 0n ? -over.amount : over.amount;
  throw new PayoffError(
    'invalid_amount',
    `An amount of ${formatRub(magnitude)} RUB is over ` +
      `the ledger's limit of ${formatRub(maxMinorUnits)} RUB.`,
  );
}

function assertBalanced(legs: readonly Leg[]): void {
  const sum = legs.reduce((total, leg) => total + leg.amount, 0n);
  if (legs.length < 2 || sum !== 0n) throw new Error(`unbalanced transfer: legs sum to ${sum}`);
}
