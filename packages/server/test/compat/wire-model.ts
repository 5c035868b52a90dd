/**
 * What a client's response model accepts, written down as data, and a checker that lists
 * every way an answer breaks it. Kinds follow JSON, with `integer` for numbers a typed
 * client reads into an int field.
 */

/** A JSON value kind; `integer` is a number without a fraction. */
export type JsonKind = 'string' | 'number' | 'integer' | 'null' | 'object' | 'array' | 'boolean';

/** One field as a client's model declares it. */
export interface FieldRule {
  readonly kinds: readonly JsonKind[];
  readonly required: boolean;
  /** The only values the model accepts (a Literal or an enum). */
  readonly values?: readonly (string | number)[];
  /** The model every member of an object, or every item of an array, must satisfy. */
  readonly each?: Model;
}

/** A response model: its fields by wire name. Unlisted keys are ignored, as clients do. */
export type Model = Readonly<Record<string, FieldRule>>;

/** A field the model requires, of one of `kinds`. */
export function required(...kinds: JsonKind[]): FieldRule {
  return { kinds, required: true };
}

/** A field the model may do without, of one of `kinds` when present. */
export function optional(...kinds: JsonKind[]): FieldRule {
  return { kinds, required: false };
}

/** A required field limited to `values`. */
export function oneOf(kind: JsonKind, values: readonly (string | number)[]): FieldRule {
  return { kinds: [kind], required: true, values };
}

/** A required object or array whose every member satisfies `each`. */
export function collection(kind: 'object' | 'array', each: Model): FieldRule {
  return { kinds: [kind], required: true, each };
}

/** The kind of a parsed JSON value. */
export function kindOf(value: unknown): JsonKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as JsonKind;
}

/** Every way `body` breaks `model`, as `path: problem` lines; empty when it parses. */
export function violations(model: Model, body: unknown, path = ''): string[] {
  if (kindOf(body) !== 'object') return [`${path || '(body)'}: ${kindOf(body)} is not an object`];
  const record = body as Record<string, unknown>;
  return Object.entries(model).flatMap(([name, rule]) =>
    fieldViolations(rule, record[name], Object.hasOwn(record, name), `${path}${name}`),
  );
}

function fieldViolations(rule: FieldRule, value: unknown, present: boolean, path: string) {
  if (!present) return rule.required ? [`${path}: missing`] : [];

  const kind = kindOf(value);
  const widened = kind === 'integer' && rule.kinds.includes('number');
  const accepted = rule.kinds.includes(kind) || widened;
  if (!accepted) return [`${path}: ${kind} is not ${rule.kinds.join(' or ')}`];
  if (rule.values && !rule.values.includes(value as string | number)) {
    return [`${path}: ${JSON.stringify(value)} is not one of ${rule.values.join(', ')}`];
  }
  if (!rule.each) return [];

  const each = rule.each;
  const members = Object.entries(value as object);
  return members.flatMap(([key, member]) => violations(each, member, `${path}.${key}.`));
}
