import { sql } from 'kysely';
import type { Queryable } from '../store/store.js';

/** One broken invariant, in words an operator can act on. */
export interface LedgerProblem {
  readonly invariant: string;
  readonly detail: string;
}

/**
 * Verifies the books on any database: every account's balance equals the sum of its
 * entries, every transfer sums to zero, all balances sum to zero, no account that may
 * not go negative is negative, and every payout's transfers and each merchant's hold
 * match the payouts' statuses. An empty list means the books balance.
 */
export async function checkLedger(db: Queryable): Promise<LedgerProblem[]> {
  const checks = [
    balancesMatchEntries,
    transfersBalance,
    booksSumToZero,
    noOverdraft,
    payoutTransfersMatchStatus,
    holdsMatchPayouts,
  ];
  const problems: LedgerProblem[] = [];
  for (const check of checks) problems.push(...(await check(db)));
  return problems;
}

async function balancesMatchEntries(db: Queryable): Promise<LedgerProblem[]> {
  const rows = await db
    .selectFrom('accounts as a')
    .leftJoin('entries as e', 'e.account_id', 'a.id')
    .select(['a.id', 'a.balance', sql<bigint | string>`coalesce(sum(e.amount), 0)`.as('total')])
    .groupBy(['a.id', 'a.balance'])
    .execute();
  return rows
    .filter((row) => BigInt(row.balance) !== BigInt(row.total))
    .map((row) => ({
      invariant: 'balance equals the sum of entries',
      detail: `account ${row.id} has balance ${row.balance} but entries sum to ${row.total}`,
    }));
}

async function transfersBalance(db: Queryable): Promise<LedgerProblem[]> {
  const rows = await db
    .selectFrom('transfers as t')
    .leftJoin('entries as e', 'e.transfer_id', 't.id')
    .select(['t.id', sql<bigint | string>`coalesce(sum(e.amount), 0)`.as('total')])
    .groupBy('t.id')
    .having(sql`coalesce(sum(e.amount), 0)`, '!=', 0)
    .execute();
  return rows.map((row) => ({
    invariant: 'every transfer sums to zero',
    detail: `transfer ${row.id} sums to ${row.total}`,
  }));
}

async function booksSumToZero(db: Queryable): Promise<LedgerProblem[]> {
  const row = await db
    .selectFrom('accounts')
    .select(sql<bigint | string>`coalesce(sum(balance), 0)`.as('total'))
    .executeTakeFirstOrThrow();
  if (BigInt(row.total) === 0n) return [];
  return [{ invariant: 'all balances sum to zero', detail: `balances sum to ${row.total}` }];
}

async function noOverdraft(db: Queryable): Promise<LedgerProblem[]> {
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'balance'])
    .where('may_go_negative', '=', 0)
    .where('balance', '<', 0n)
    .execute();
  return rows.map((row) => ({
    invariant: 'no negative balance',
    detail: `account ${row.id} is at ${row.balance}`,
  }));
}

/** in_process: a reserve only; success: reserve and success; cancel: reserve and cancel. */
async function payoutTransfersMatchStatus(db: Queryable): Promise<LedgerProblem[]> {
  const rows = await db
    .selectFrom('payouts as p')
    .leftJoin('transfers as t', 't.payout_id', 'p.id')
    .select([
      'p.id',
      'p.status',
      countKind('payout_reserve').as('reserves'),
      countKind('payout_success').as('successes'),
      countKind('payout_cancel').as('cancels'),
    ])
    .groupBy(['p.id', 'p.status'])
    .execute();

  const expected: Record<string, [number, number, number]> = {
    in_process: [1, 0, 0],
    success: [1, 1, 0],
    cancel: [1, 0, 1],
  };
  return rows
    .filter((row) => {
      const want = expected[row.status];
      const got = [Number(row.reserves), Number(row.successes), Number(row.cancels)];
      return !want || want.some((count, i) => count !== got[i]);
    })
    .map((row) => ({
      invariant: "a payout's transfers match its status",
      detail: `payout ${row.id} is ${row.status} with ${row.reserves} reserve, `
        + `${row.successes} success and ${row.cancels} cancel transfers`,
    }));
}

async function holdsMatchPayouts(db: Queryable): Promise<LedgerProblem[]> {
  const rows = await db
    .selectFrom('accounts as a')
    .leftJoin('payouts as p', (join) =>
      join.onRef('p.merchant_id', '=', 'a.merchant_id').on('p.status', '=', 'in_process'))
    .select([
      'a.id',
      'a.balance',
      sql<bigint | string>`coalesce(sum(p.amount_down), 0)`.as('held'),
    ])
    .where('a.kind', '=', 'hold')
    .groupBy(['a.id', 'a.balance'])
    .execute();
  return rows
    .filter((row) => BigInt(row.balance) !== BigInt(row.held))
    .map((row) => ({
      invariant: 'hold equals the in-process payouts',
      detail: `account ${row.id} holds ${row.balance} but in-process payouts need ${row.held}`,
    }));
}

function countKind(kind: string) {
  return sql<bigint | string>`sum(case when t.kind = ${kind} then 1 else 0 end)`;
}
