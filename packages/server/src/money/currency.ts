/** The currencies a payout can be sent in, with their decimal scale. */
export const currencyScales = { RUB: 2, USD: 2, UAH: 2, USDT: 2, BTC: 8 } as const;

/** A payout currency code. */
export type Currency = keyof typeof currencyScales;

/** The currencies priced against RUB by a rate, in the order `rates-payoff` lists them. */
export const rateCurrencies = ['USD', 'UAH', 'USDT', 'BTC'] as const;

/** A currency that needs an exchange rate. */
export type RateCurrency = (typeof rateCurrencies)[number];

/** Digits a rate (RUB per unit) may carry after the point. */
export const rateMaxScale = 8;
