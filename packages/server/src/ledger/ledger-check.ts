import { sql } from 'kysely';
import type { Queryable, Store } from '../store/store.js';

/** One broken invariant, in words an operator can act on. */
export interface LedgerProblem {
  readonly invariant: string;
  readonly detail: string;
}

/** What the check reads: a database and the engine behind it. */
export interface LedgerSource {
  readonly engine: Store['engine'];
  readonly db: Queryable;
}

/**
 * Verifies the books on any database: every amount is stored as an integer (SQLite, where
 * a column can hold any type), every account's balance equals the sum of its entries,
 * every transfer sums to zero, all balances sum to zero, no account that may not go
 * negative is negative, and every payout's transfers and each merchant's hold match the
 * payouts' statuses. Sums are exact whatever the amounts. An empty list means the books
 * balance.
 */
export async function checkLedger(source: LedgerSource): Promise<LedgerProblem[]> {
  const checks = [
    balancesMatchEntries,
    transfersBalance,
    booksSumToZero,
    noOverdraft,
    payoutTransfersMatchStatus,
    holdsMatchPayouts,
  ];
  if (source.engine === 'sqlite') checks.unshift(amountsAreIntegers);
  const problems: LedgerProblem[] = [];
  for (const check of checks) problems.push(...(await check(source.db)));
  return problems;
}

/** SQLite stores whatever it is given: an overflowing `balance + ?` becomes a REAL. */
async function amountsAreIntegers(db: Queryable): Promise<LedgerProblem[]> {
  const invariant = 'amounts are stored as integers';
  const balances = await db
    .selectFrom('accounts')
    .select(['id', 'balance', sql<string>`typeof(balance)`.as('type')])
    .where(sql`typeof(balance)`, '!=', 'integer')
    .execute();
  const entries = await db
    .selectFrom('entries')
    .select(['transfer_id', 'account_id', 'amount', sql<string>`typeof(amount)`.as('type')])
    .where(sql`typeof(amount)`, '!=', 'integer')
    .execute();
  return [
    ...balances.map((row) => ({
      invariant,
      detail: `account ${row.id} holds its balance as ${row.type}: ${row.balance}`,
    })),
    ...entries.map((row) => ({
      invariant,
      detail:
        `the entry of transfer ${row.transfer_id} on account ${row.account_id} ` +
        `holds its amount as ${row.type}: ${row.amount}`,
    })),
  ];
}

async function balancesMatchEntries(db: Queryable): Promise<LedgerProblem[]> {
  const rows = await db
    .selectFrom('accounts as a')
    .leftJoin('entries as e', 'e.account_id', 'a.id')
    .select(['a.id', 'a.balance', sumHigh('e.amount').as('high'), sumLow('e.amount').as('low')])
    .groupBy(['a.id', 'a.balance'])
    .execute();
  return rows
    .map((row) => ({ ...row, total: joinSum(row) }))
    .filter((row) => toUnits(row.balance) !== row.total)
    .map((row) => ({
      invariant: 'balance equals the sum of entries',
      detail: `account ${row.id} has balance ${row.balance} but entries sum to ${row.total}`,
    }));
}

async function transfersBalance(db: Queryable): Promise<LedgerProblem[]> {
  // Both parts zero is the usual case; a carry between them is settled exactly below.
  const rows = await db
    .selectFrom('transfers as t')
    .leftJoin('entries as e', 'e.transfer_id', 't.id')
    .select(['t.id', sumHigh('e.amount').as('high'), sumLow('e.amount').as('low')])
    .groupBy('t.id')
    .having((eb) => eb.or([eb(sumHigh('e.amount'), '!=', 0), eb(sumLow('e.amount'), '!=', 0)]))
    .execute();
  return rows
    .map((row) => ({ id: row.id, total: joinSum(row) }))
    .filter((row) => row.total !== 0n)
    .map((row) => ({
      invariant: 'every transfer sums to zero',
      detail: `transfer ${row.id} sums to ${row.total}`,
    }));
}

async function booksSumToZero(db: Queryable): Promise<LedgerProblem[]> {
  const row = await db
    .selectFrom('accounts')
    .select([sumHigh('balance').as('high'), sumLow('balance').as('low')])
    .executeTakeFirstOrThrow();
  const total = joinSum(row);
  if (total === 0n) return [];
  return [{ invariant: 'all balances sum to zero', detail: `balances sum to ${total}` }];
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
      detail:
        `payout ${row.id} is ${row.status} with ${row.reserves} reserve, ` +
        `${row.successes} success and ${row.cancels} cancel transfers`,
    }));
}

async function holdsMatchPayouts(db: Queryable): Promise<LedgerProblem[]> {
  const rows = await db
    .selectFrom('accounts as a')
    .leftJoin('payouts as p', (join) =>
      join.onRef('p.merchant_id', '=', 'a.merchant_id').on('p.status', '=', 'in_process'),
    )
    .select([
      'a.id',
      'a.balance',
      sumHigh('p.amount_down').as('high'),
      sumLow('p.amount_down').as('low'),
    ])
    .where('a.kind', '=', 'hold')
    .groupBy(['a.id', 'a.balance'])
    .execute();
  return rows
    .map((row) => ({ ...row, held: joinSum(row) }))
    .filter((row) => toUnits(row.balance) !== row.held)
    .map((row) => ({
      invariant: 'hold equals the in-process payouts',
      detail: `account ${row.id} holds ${row.balance} but in-process payouts need ${row.held}`,
    }));
}

function countKind(kind: string) {
  return sql<bigint | string>`sum(case when t.kind = ${kind} then 1 else 0 end)`;
}

/** A number as the engines return it: bigint (SQLite), text (PostgreSQL), or a REAL. */
type SqlNumber = bigint | number | string;

/**
 * Sums are taken in two parts so that SQL never overflows 64 bits, whatever the amounts
 * (SQLite's SUM fails with "integer overflow"): `amount / 10^9` and `amount % 10^9`, each
 * at most about 9.2 × 10^9 a row, joined exactly in `bigint` by `joinSum`.
 */
const sumSplit = 1_000_000_000n;

function sumHigh(column: string) {
  return sql<SqlNumber>`coalesce(sum(${sql.ref(column)} / ${sql.lit(sumSplit)}), 0)`;
}

function sumLow(column: string) {
  return sql<SqlNumber>`coalesce(sum(${sql.ref(column)} % ${sql.lit(sumSplit)}), 0)`;
}

function joinSum(parts: { readonly high: SqlNumber; readonly low: SqlNumber }): bigint {
  return toUnits(parts.high) * sumSplit + toUnits(parts.low);
}

/**
 * A stored amount or sum as `bigint`. A REAL (only SQLite has them: an amount it could
 * not hold as an integer, which `amountsAreIntegers` reports) is cut to its integer part
 * so that the other checks still run.
 */
function toUnits(value: SqlNumber): bigint {
  if (typeof value === 'bigint') return value;
  if (typeof value === 'string') return BigInt(value);
  return Number.isFinite(value) ? BigInt(Math.trunc(value)) : 0n;
}
