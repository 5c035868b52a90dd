/** What an API key may do; each endpoint needs one of these. */
export const permissions = [
  'payoff:create',
  'payoff:info',
  'methods:read',
  'balance:read',
] as const;

/** One API key permission. */
export type Permission = (typeof permissions)[number];

/** True when `name` is a known permission. */
export function isPermission(name: string): name is Permission {
  return (permissions as readonly string[]).includes(name);
}
