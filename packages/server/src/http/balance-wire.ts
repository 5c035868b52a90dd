import type { MerchantBalance } from '../ledger/balances.js';
import type { WireFields } from './payoff-wire.js';
import { rubNumber } from '../wire/wire-numbers.js';

/** balance (contract §4): exactly `balance` (available), `referral` and `hold`, in RUB. */
export function balanceFields(balance: MerchantBalance): WireFields {
  return {
    balance: rubNumber(balance.available),
    referral: rubNumber(balance.referral),
    hold: rubNumber(balance.hold),
  };
}
