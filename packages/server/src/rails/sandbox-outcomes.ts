import type { PayoffRequest } from '../payouts/payoff-request.js';

/** What the sandbox rail does with a payout. */
export type SandboxOutcome =
  | { readonly status: 'success' }
  | { readonly status: 'cancel'; readonly message: string }
  | { readonly status: 'pending' };

/**
 * Wallets the sandbox always cancels, so integrators can test their failure path.
 * Each is a well-formed wallet of its method.
 */
export const sandboxCancelWallets: Readonly<Record<string, string>> = {
  '4000000000000002': 'Card declined by the issuing bank (sandbox).',
  T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb: 'Address rejected: it cannot receive funds (sandbox).',
  '1BitcoinEaterAddressDontSendf59kuE': 'Address rejected: it cannot receive funds (sandbox).',
  '79000000002': 'Recipient phone is not served (sandbox).',
};

/** Kopeck part of `amount` that makes the sandbox cancel a payout (`500.13`). */
export const sandboxCancelKopecks = 13n;

/** Kopeck part of `amount` that leaves a payout in process until settled by hand (`500.77`). */
export const sandboxPendingKopecks = 77n;

/** Decides a sandbox payout's fate from its request alone, so it is the same after a restart. */
export function sandboxOutcome(
  request: Pick<PayoffRequest, 'wallet' | 'amountKopecks'>,
): SandboxOutcome {
  const walletMessage = sandboxCancelWallets[request.wallet];
  if (walletMessage !== undefined) return { status: 'cancel', message: walletMessage };

  const kopecks = request.amountKopecks % 100n;
  if (kopecks === sandboxCancelKopecks) {
    return {
      status: 'cancel',
      message: 'Payout declined for a test amount ending in .13 (sandbox).',
    };
  }
  if (kopecks === sandboxPendingKopecks) return { status: 'pending' };
  return { status: 'success' };
}
