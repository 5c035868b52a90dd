/** A member bank of the Faster Payments System, as `sbp-banks-payoff` lists it. */
export interface SbpBank {
  /** The bank's SBP member id: digits, 12 of them for every current member. */
  readonly bankId: string;
  readonly bankName: string;
  readonly bankIcon: string;
}

/** Where the Faster Payments System operator (NSPK) publishes member logos, by member id. */
const iconBase = 'https://qr.nspk.ru/proxyapp/logo/bank';

function bank(bankId: string, bankName: string): SbpBank {
  return { bankId, bankName, bankIcon: `${iconBase}${bankId}.png` };
}

/**
 * The default SBP bank list: large member banks with their NSPK member ids, named as the
 * NSPK member directory names them (in Russian, which is what recipients see in their
 * banking apps). Operators replace the list with `sbpBanks` in the config file.
 */
export const defaultSbpBanks: readonly SbpBank[] = [
  bank('100000000111', 'Сбербанк'),
  bank('100000000004', 'Т-Банк'),
  bank('100000000005', 'Банк ВТБ'),
  bank('100000000008', 'АЛЬФА-БАНК'),
  bank('100000000001', 'Газпромбанк'),
  bank('100000000007', 'Райффайзенбанк'),
  bank('100000000010', 'Банк ПСБ'),
  bank('100000000013', 'Совкомбанк'),
  bank('100000000012', 'Росбанк'),
  bank('100000000020', 'Россельхозбанк'),
  bank('100000000016', 'Почта Банк'),
  bank('100000000017', 'МТС-Банк'),
  bank('100000000150', 'Яндекс'),
  bank('100000000273', 'Озон Банк (Ozon)'),
  bank('100000000259', 'Вайлдберриз Банк'),
  bank('100000000025', 'МОСКОВСКИЙ КРЕДИТНЫЙ БАНК'),
  bank('100000000030', 'ЮниКредит Банк'),
  bank('100000000003', 'Банк Синара'),
  bank('100000000028', 'АКБ АВАНГАРД'),
  bank('100000000011', 'РНКБ филиал ВТБ'),
  bank('100000000044', 'Экспобанк'),
  bank('100000000095', 'АБ РОССИЯ'),
  bank('100000000082', 'Банк ДОМ.РФ'),
  bank('100000000006', 'АК БАРС БАНК'),
  bank('100000000022', 'НКО ЮМани'),
  bank('100000000029', 'Банк Санкт-Петербург'),
  bank('100000000014', 'Банк Русский Стандарт'),
  bank('100000000026', 'БАНК УРАЛСИБ'),
  bank('100000000031', 'КБ УБРиР'),
  bank('100000000018', 'ОТП Банк'),
  bank('100000000032', 'Ренессанс Банк (Ренессанс Кредит)'),
  bank('100000000041', 'БКС Банк'),
  bank('100000000161', 'КБ ЛОКО-Банк'),
  bank('100000000045', 'Банк ЗЕНИТ'),
  bank('100000000059', 'КБ Центр-инвест'),
  bank('100000000284', 'Банк Точка'),
  bank('100000000108', 'Азиатско-Тихоокеанский Банк'),
];
