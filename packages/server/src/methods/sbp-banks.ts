/** A member bank of the Faster Payments System, as `sbp-banks-payoff` lists it. */
export interface SbpBank {
  /** The bank's SBP member id: digits, often 12 of them. */
  readonly bankId: string;
  readonly bankName: string;
  readonly bankIcon: string;
}

const iconBase = 'https://qr.nspk.ru/proxyapp/logo/bank';

function bank(bankId: string, bankName: string): SbpBank {
  return { bankId, bankName, bankIcon: `${iconBase}${bankId}.png` };
}

/** The default SBP bank list: large member banks with their SBP member ids. */
export const defaultSbpBanks: readonly SbpBank[] = [
  bank('100000000111', 'Sberbank'),
  bank('100000000004', 'T-Bank'),
  bank('100000000005', 'VTB'),
  bank('100000000008', 'Alfa-Bank'),
  bank('100000000001', 'Gazprombank'),
  bank('100000000007', 'Raiffeisenbank'),
  bank('100000000010', 'Promsvyazbank'),
  bank('100000000013', 'Sovcombank'),
  bank('100000000012', 'Rosbank'),
  bank('100000000020', 'Rosselkhozbank'),
  bank('100000000016', 'Pochta Bank'),
  bank('100000000017', 'MTS Bank'),
  bank('100000000150', 'Yandex Bank'),
  bank('100000000273', 'Ozon Bank'),
];
