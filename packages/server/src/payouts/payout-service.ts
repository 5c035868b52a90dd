import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { PayoffError } from '../errors/payoff-error.js';
import { merchantAccount, systemAccounts } from '../ledger/accounts.js';
import { postTransfer } from '../ledger/ledger.js';
import type { MethodCatalogue } from '../methods/method-catalogue.js';
import type { SbpBank } from '../methods/sbp-banks.js';
import type { RateBook } from '../rates/rate-book.js';
import type { Rail } from '../rails/rail.js';
import type { PayoutRow } from '../store/database.js';
import type { Store, Tx } from '../store/store.js';
import type { WebhookOutbox } from '../webhooks/outbox.js';
import { toPayout, type FinalStatus, type Payout } from './payout.js';
import { validatePayoffRequest, type PayoffRequest } from './payoff-request.js';
import { quotePayoff } from './quote.js';

/** What the payout service is built from. */
export interface PayoutServiceDeps {
  readonly store: Store;
  readonly catalogue: MethodCatalogue;
  readonly rates: RateBook;
  readonly sbpBanks: readonly SbpBank[];
  readonly rails: ReadonlyMap<string, Rail>;
  /** Receives every payout that becomes final, inside the settlement transaction. */
  readonly outbox: WebhookOutbox;
  readonly logger: Logger;
}

/** The result of a create: the payout, and whether it already existed under its `my_id`. */
export interface CreateResult {
  readonly payout: Payout;
  readonly replayed: boolean;
}

/** Longest cancel message kept, in characters. */
const maxCancelMessageLength = 500;

/**
 * The payouts use case: validate → quote → reserve and create in one transaction, and
 * the one settlement entry point every rail reports through.
 */
export class PayoutService {
  constructor(private readonly deps: PayoutServiceDeps) {}

  /**
   * Creates a payout from create-payoff parameters (absent ones undefined). A repeated
   * `my_id` with the same parameters answers the existing payout and creates nothing.
   */
  async create(
    merchantId: string,
    params: Readonly<Record<string, string | undefined>>,
  ): Promise<CreateResult> {
    const { catalogue, sbpBanks, rates } = this.deps;
    const request = validatePayoffRequest(params, { catalogue, sbpBanks });
    const currency = request.method.currency;
    const rate = currency === 'RUB' ? undefined : await rates.get(currency);
    const quote = quotePayoff(request.amountKopecks, request.commissionType, request.method, rate);

    const rail = this.deps.rails.get(request.method.rail);
    if (!rail)
      throw new Error(`method ${request.method.code} names unknown rail ${request.method.rail}`);
    const now = new Date();
    const row: PayoutRow = {
      id: randomUUID(),
      merchant_id: merchantId,
      my_id: request.myId,
      method: request.method.code,
      wallet: request.wallet,
      bank_id: request.bank?.bankId ?? null,
      bank_name: request.bank?.bankName ?? null,
      phone_operator: request.phoneOperator,
      requested_amount: request.amountKopecks,
      amount: quote.amountKopecks,
      amount_down: quote.amountDownKopecks,
      commission: quote.commissionKopecks,
      commission_type: request.commissionType,
      currency,
      amount_in_currency: quote.amountInCurrency,
      rate: quote.rate?.text ?? null,
      webhook_url: request.webhookUrl,
      rail: rail.name,
      status: 'in_process',
      cancel_message: null,
      created_at: now.toISOString(),
      completed_at: null,
      rail_due_at: rail.firstDueAt(request, now)?.toISOString() ?? null,
    };

    const result = await this.insertOrReplay(row, request);
    if (!result.replayed) this.deps.logger.info(logFields(result.payout), 'payout created');
    return result;
  }

  /**
   * Moves a payout from `in_process` to `success` or `cancel`, once: the status change
   * is a conditional update, and the hold leaves the books (success) or returns to the
   * available balance (cancel) in the same transaction, as does the payout's terminal
   * webhook event. A payout already final is returned unchanged with `changed` false.
   */
  async settle(
    payoutId: string,
    status: FinalStatus,
    cancelMessage: string | null = null,
  ): Promise<{ payout: Payout; changed: boolean }> {
    const completedAt = new Date().toISOString();
    // An empty message would read like success's; control characters could forge output.
    const cleaned = cancelMessage?.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').trim();
    const message = status === 'cancel' ? cleaned || 'Payout cancelled.' : null;

    const settled = await this.deps.store.transaction(async (tx) => {
      const moved = await tx
        .updateTable('payouts')
        .set({
          status,
          cancel_message: message?.slice(0, maxCancelMessageLength) ?? null,
          completed_at: completedAt,
          rail_due_at: null,
        })
        .where('id', '=', payoutId)
        .where('status', '=', 'in_process')
        .executeTakeFirst();
      if (moved.numUpdatedRows !== 1n) return undefined;

      const payout = await readPayout(tx, payoutId);
      await postTransfer(tx, settlementTransfer(payout, status, completedAt));
      await this.deps.outbox.write(tx, payout);
      return payout;
    });

    if (settled === undefined) return { payout: await this.get(payoutId), changed: false };
    this.deps.logger.info(logFields(settled), 'payout settled');
    return { payout: settled, changed: true };
  }

  /** A payout by id, of any merchant; `not_found` when there is none. */
  async get(payoutId: string): Promise<Payout> {
    return readPayout(this.deps.store.db, payoutId);
  }

  /** A merchant's payout by our id or, when `id` is null, by the merchant's `my_id`. */
  async findForMerchant(
    merchantId: string,
    id: string | null,
    myId: string | null,
  ): Promise<Payout> {
    let query = this.deps.store.db
      .selectFrom('payouts')
      .selectAll()
      .where('merchant_id', '=', merchantId);
    query = id !== null ? query.where('id', '=', id) : query.where('my_id', '=', myId ?? '');
    const row = await query.executeTakeFirst();
    if (!row) throw new PayoffError('not_found', 'Payout not found.');
    return toPayout(row);
  }

  /** Payouts, newest first, optionally of one merchant or status. */
  async list(filter: { merchantId?: string; status?: string; limit: number }): Promise<Payout[]> {
    let query = this.deps.store.db.selectFrom('payouts').selectAll();
    if (filter.merchantId) query = query.where('merchant_id', '=', filter.merchantId);
    if (filter.status) query = query.where('status', '=', filter.status);
    const rows = await query.orderBy('created_at', 'desc').limit(filter.limit).execute();
    return rows.map(toPayout);
  }

  /** In-process payouts of a rail whose due time has come, oldest first. */
  async dueForRail(rail: string, now: Date, limit: number): Promise<Payout[]> {
    const rows = await this.deps.store.db
      .selectFrom('payouts')
      .selectAll()
      .where('rail', '=', rail)
      .where('status', '=', 'in_process')
      .where('rail_due_at', '<=', now.toISOString())
      .orderBy('rail_due_at')
      .limit(limit)
      .execute();
    return rows.map(toPayout);
  }

  private async insertOrReplay(row: PayoutRow, request: PayoffRequest): Promise<CreateResult> {
    const { store } = this.deps;
    try {
      return await store.transaction(async (tx) => {
        const existing = await findByMyId(tx, row.merchant_id, row.my_id);
        if (existing) return replay(existing, request);

        await tx.insertInto('payouts').values(row).execute();
        await postTransfer(tx, {
          kind: 'payout_reserve',
          payoutId: row.id,
          at: row.created_at,
          legs: [
            { account: merchantAccount(row.merchant_id, 'available'), amount: -row.amount_down },
            { account: merchantAccount(row.merchant_id, 'hold'), amount: row.amount_down },
          ],
        });
        return { payout: toPayout(row), replayed: false };
      });
    } catch (error) {
      // Another node inserted the same my_id between our read and our insert.
      if (!store.isUniqueViolation(error)) throw error;
      const existing = await findByMyId(store.db, row.merchant_id, row.my_id);
      if (!existing) throw error;
      return replay(existing, request);
    }
  }
}

async function findByMyId(db: Store['db'] | Tx, merchantId: string, myId: string | null) {
  if (myId === null) return undefined;
  return db
    .selectFrom('payouts')
    .selectAll()
    .where('merchant_id', '=', merchantId)
    .where('my_id', '=', myId)
    .executeTakeFirst();
}

/** Same `my_id` and same parameters: the existing payout; anything different: a 400. */
function replay(existing: PayoutRow, request: PayoffRequest): CreateResult {
  const same =
    existing.method === request.method.code &&
    existing.wallet === request.wallet &&
    BigInt(existing.requested_amount) === request.amountKopecks &&
    Number(existing.commission_type) === request.commissionType &&
    existing.bank_id === (request.bank?.bankId ?? null) &&
    existing.phone_operator === request.phoneOperator &&
    existing.webhook_url === request.webhookUrl;
  if (!same) {
    throw new PayoffError(
      'my_id_conflict',
      `Parameter 'my_id' was already used for payout ${existing.id} with different parameters.`,
    );
  }
  return { payout: toPayout(existing), replayed: true };
}

function settlementTransfer(payout: Payout, status: FinalStatus, at: string) {
  const hold = merchantAccount(payout.merchantId, 'hold');
  const legs =
    status === 'success'
      ? [
          { account: hold, amount: -payout.amountDownKopecks },
          { account: systemAccounts.paidOut, amount: payout.amountKopecks },
          { account: systemAccounts.commissionIncome, amount: payout.commissionKopecks },
        ]
      : [
          { account: hold, amount: -payout.amountDownKopecks },
          {
            account: merchantAccount(payout.merchantId, 'available'),
            amount: payout.amountDownKopecks,
          },
        ];
  const kind = status === 'success' ? 'payout_success' : 'payout_cancel';
  return { kind, payoutId: payout.id, at, legs } as const;
}

async function readPayout(db: Store['db'] | Tx, payoutId: string): Promise<Payout> {
  const row = await db
    .selectFrom('payouts')
    .selectAll()
    .where('id', '=', payoutId)
    .executeTakeFirst();
  if (!row) throw new PayoffError('not_found', `Payout ${payoutId} was not found.`);
  return toPayout(row);
}

function logFields(payout: Payout) {
  return {
    payoutId: payout.id,
    merchantId: payout.merchantId,
    method: payout.method,
    status: payout.status,
    amountDownKopecks: payout.amountDownKopecks.toString(),
    rail: payout.rail,
  };
}
