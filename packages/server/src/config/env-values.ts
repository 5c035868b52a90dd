import { z } from 'zod';

/** A whole number written in plain decimal digits (no `0x10`, no `9e15`), at most `max`. */
export function envInteger(min: number, max: number) {
  return z
    .string()
    .regex(/^\d{1,10}$/, 'a whole number in decimal digits')
    .transform(Number)
    .pipe(z.number().int().min(min).max(max));
}
