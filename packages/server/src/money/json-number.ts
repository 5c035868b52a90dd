/**
 * A JSON number written from exact decimal text, so that money reaches the wire without
 * ever being a JavaScript float. Serialized by `writeJson`.
 */
export class JsonNumber {
  constructor(readonly text: string) {
    if (!/^-?(0|[1-9]\d*)(\.\d+)?$/.test(text)) throw new RangeError(`not a JSON number: ${text}`);
  }
}

/** A value the JSON writer accepts. */
export type JsonValue =
  | string
  | boolean
  | null
  | JsonNumber
  | number
  | readonly JsonValue[]
  | { readonly [key: string]: JsonValue | undefined };

/**
 * Serializes like `JSON.stringify`, writing `JsonNumber` as its exact text and
 * skipping `undefined` properties. Plain numbers are allowed for integers only
 * (`commission_type`); a money amount is always a `JsonNumber`.
 */
export function writeJson(value: JsonValue): string {
  if (value instanceof JsonNumber) return value.text;
  if (value === null || typeof value === 'string' || typeof value === 'boolean') {
    return JSON.stringify(value);
  }
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value)) throw new RangeError('non-integer number in JSON output');
    return String(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => writeJson(item)).join(',')}]`;

  const members: string[] = [];
  for (const [key, member] of Object.entries(value)) {
    if (member !== undefined) members.push(`${JSON.stringify(key)}:${writeJson(member)}`);
  }
  return `{${members.join(',')}}`;
}
