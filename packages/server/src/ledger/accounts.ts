/** The kinds of account every merchant has. */
export const merchantAccountKinds = ['available', 'hold', 'referral'] as const;

/** A merchant account kind. */
export type MerchantAccountKind = (typeof merchantAccountKinds)[number];

/**
 * The system's own accounts. `funding` is where credited money comes from (the only
 * account allowed below zero); `paid_out` receives what recipients got;
 * `commission_income` receives commissions.
 */
export const systemAccounts = {
  funding: 'system:funding',
  paidOut: 'system:paid_out',
  commissionIncome: 'system:commission_income',
} as const;

/** The id of one of a merchant's accounts. */
export function merchantAccount(merchantId: string, kind: MerchantAccountKind): string {
  return `merchant:${merchantId}:${kind}`;
}
