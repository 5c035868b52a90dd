import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { PayoffError } from '../errors/payoff-error.js';
import type { Tx } from '../store/store.js';
import { systemAccounts } from './accounts.js';

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
 * Each debit is a conditional update that cannot overdraw: when the account is short,
 * nothing is written and `insufficient_balance` is thrown, so the caller rolls back.
 */
export async function postTransfer(tx: Tx, transfer: Transfer): Promise<string> {
  const legs = transfer.legs.filter((leg) => leg.amount !== 0n);
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

  for (const leg of legs) await applyLeg(tx, leg);
  return id;
}

async function applyLeg(tx: Tx, leg: Leg): Promise<void> {
  const result = await tx
    .updateTable('accounts')
    .set({ balance: sql`balance + ${leg.amount}` })
    .where('id', '=', leg.account)
    .where((eb) =>
      eb.or([
        eb('may_go_negative', '=', 1),
        eb(sql`balance + ${leg.amount}`, '>=', 0),
      ]),
    )
    .executeTakeFirst();

  if (result.numUpdatedRows === 1n) return;
  if (leg.account === systemAccounts.funding) throw new Error('funding account is missing');
  throw new PayoffError('insufficient_balance', 'Insufficient balance for this payout.');
}

function assertBalanced(legs: readonly Leg[]): void {
  const sum = legs.reduce((total, leg) => total + leg.amount, 0n);
  if (legs.length < 2 || sum !== 0n) throw new Error(`unbalanced transfer: legs sum to ${sum}`);
}
