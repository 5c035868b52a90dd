/**
 * Which network addresses outgoing webhooks may reach.
 *
 * Merchants choose webhook URLs, so every address a URL resolves to is
 * judged before a connection is made: loopback, private, link-local,
 * metadata and other non-public addresses are refused unless an operator
 * allow-lists the host name or a CIDR range. Parsing and range matching
 * use `ipaddr.js`; IPv6 addresses that embed an IPv4 address
 * (IPv4-mapped, IPv4-compatible, NAT64) are judged by that IPv4 address.
 *
 * Host spellings such as `http://2130706433/`, `http://0x7f000001/` or
 * `http://127.1/` need no handling here: WHATWG `new URL()` already turns
 * them into `127.0.0.1` for http(s) URLs, and `classifyAddress` accepts
 * only canonical addresses (anything else is classed 'invalid').
 */
import net from 'node:net';
import ipaddr from 'ipaddr.js';

type Address = ipaddr.IPv4 | ipaddr.IPv6;
type Cidr = [Address, number];
type Rule = { readonly range: Cidr; readonly reason: string };

/** Operator exceptions to the "public addresses only" rule. */
export interface TargetPolicy {
  /** Host names that may resolve anywhere (exact, case-insensitive). */
  readonly allowHosts: readonly string[];
  /** IPv4/IPv6 CIDR ranges (or single addresses) that may be reached. */
  readonly allowCidrs: readonly string[];
}

/** Input of `makeTargetPolicy`; both lists default to empty. */
export interface TargetPolicyOptions {
  readonly allowHosts?: readonly string[];
  readonly allowCidrs?: readonly string[];
}

type ParsedPolicy = { hosts: ReadonlySet<string>; cidrs: readonly Cidr[] };

const parsedPolicies = new WeakMap<TargetPolicy, ParsedPolicy>();
const madePolicies = new WeakSet<object>();

const IPV4_RULES = rules([
  ['169.254.169.254/32', 'metadata'],
  ['100.100.100.200/32', 'metadata'],
  ['0.0.0.0/32', 'unspecified'],
  ['0.0.0.0/8', 'reserved'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'cgnat'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'reserved'],
  ['192.0.2.0/24', 'reserved'],
  ['192.88.99.0/24', 'reserved'],
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'reserved'],
  ['198.51.100.0/24', 'reserved'],
  ['203.0.113.0/24', 'reserved'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved'],
]);

const IPV6_RULES = rules([
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['fd00:ec2::254/128', 'metadata'],
  ['fc00::/7', 'unique-local'],
  ['fe80::/10', 'link-local'],
  ['fec0::/10', 'site-local'],
  ['ff00::/8', 'multicast'],
  ['64:ff9b:1::/48', 'reserved'],
  ['100::/64', 'reserved'],
  ['2001::/32', 'reserved'],
  ['2001:2::/48', 'reserved'],
  ['2001:10::/28', 'reserved'],
  ['2001:20::/28', 'reserved'],
  ['2001:db8::/32', 'reserved'],
  ['2002::/16', 'reserved'],
  ['3fff::/20', 'reserved'],
  ['5f00::/16', 'reserved'],
]);

/** IPv6 prefixes whose last 32 bits carry the IPv4 address that counts. */
const IPV4_EMBEDDING_PREFIXES = cidrs([
  '::ffff:0:0/96',
  '::ffff:0:0:0/96',
  '64:ff9b::/96',
  '::/96',
]);

const [GLOBAL_UNICAST_V6] = cidrs(['2000::/3']);

/**
 * Validates and normalizes an allow-list once; the result is frozen and
 * its parsed form cached. Throws an Error naming the first bad entry.
 * Given a policy it already made, returns that policy unchanged.
 */
export function makeTargetPolicy(options: TargetPolicyOptions = {}): TargetPolicy {
  if (madePolicies.has(options)) return options as TargetPolicy;
  const parsed = parsePolicy(options);
  const policy: TargetPolicy = Object.freeze({
    allowHosts: Object.freeze([...parsed.hosts]),
    allowCidrs: Object.freeze(parsed.cidrs.map(cidrToString)),
  });
  parsedPolicies.set(policy, parsed);
  madePolicies.add(policy);
  return policy;
}

/**
 * Classifies an address: null when it is public, else a short reason such
 * as 'loopback', 'private', 'link-local', 'cgnat', 'multicast',
 * 'unspecified', 'metadata', 'reserved', 'unique-local', 'site-local' or
 * 'invalid' (not a canonical IPv4/IPv6 address).
 */
export function classifyAddress(ip: string): string | null {
  const address = parseAddress(ip);
  return address === null ? 'invalid' : classifyParsed(address);
}

/**
 * True when `host` is allow-listed (exact, case-insensitive, trailing dot
 * ignored) or `ip` lies in an allowed CIDR. An IPv6 address embedding an
 * IPv4 address also matches IPv4 CIDRs through the embedded address.
 */
export function isAllowed(policy: TargetPolicy, host: string, ip: string): boolean {
  const parsed = parsedPolicyOf(policy);
  if (parsed.hosts.has(normalizeHost(host))) return true;
  const address = parseAddress(ip);
  if (address === null) return false;
  return candidatesOf(address).some((candidate) =>
    parsed.cidrs.some((cidr) => matches(candidate, cidr)),
  );
}

/**
 * Judges every address `host` resolved to. Returns null when all may be
 * reached, else a reason naming the host, the first refused address and
 * its class, e.g. "example.test resolves to 127.0.0.1 (loopback)".
 */
export function refusalReason(
  policy: TargetPolicy,
  host: string,
  ips: readonly string[],
): string | null {
  for (const ip of ips) {
    const addressClass = classifyAddress(ip);
    if (addressClass !== null && !isAllowed(policy, host, ip)) {
      return describeRefusal(host, ip, addressClass);
    }
  }
  return null;
}

function describeRefusal(host: string, ip: string, addressClass: string) {
  if (normalizeHost(host) === normalizeHost(ip)) {
    return `${ip} is not a public address (${addressClass})`;
  }
  return `${host} resolves to ${ip} (${addressClass})`;
}

function classifyParsed(address: Address): string | null {
  if (address.kind() === 'ipv4') return firstMatch(address, IPV4_RULES);
  const special = firstMatch(address, IPV6_RULES);
  if (special !== null) return special;
  const embedded = embeddedIPv4(address);
  if (embedded !== null) return firstMatch(embedded, IPV4_RULES);
  return matches(address, GLOBAL_UNICAST_V6) ? null : 'reserved';
}

function firstMatch(address: Address, table: readonly Rule[]) {
  return table.find((rule) => matches(address, rule.range))?.reason ?? null;
}

function embeddedIPv4(address: Address): ipaddr.IPv4 | null {
  if (address.kind() !== 'ipv6') return null;
  const embeds = IPV4_EMBEDDING_PREFIXES.some((cidr) => matches(address, cidr));
  if (!embeds) return null;
  return new ipaddr.IPv4(address.toByteArray().slice(12));
}

function candidatesOf(address: Address): Address[] {
  const embedded = embeddedIPv4(address);
  return embedded === null ? [address] : [address, embedded];
}

function matches(address: Address, cidr: Cidr | undefined): boolean {
  if (cidr === undefined || address.kind() !== cidr[0].kind()) return false;
  return address.match(cidr);
}

/**
 * Parses only canonical forms (what DNS and WHATWG URLs produce). A zone
 * index ("fe80::1%eth0") is dropped: it never changes an address's class.
 */
function parseAddress(ip: string): Address | null {
  const bare = stripBrackets(ip);
  if (net.isIP(bare) === 0) return null;
  const [withoutZone = ''] = bare.split('%');
  return ipaddr.isValid(withoutZone) ? ipaddr.parse(withoutZone) : null;
}

/** Policies not built by makeTargetPolicy are parsed on first use. */
function parsedPolicyOf(policy: TargetPolicy): ParsedPolicy {
  let parsed = parsedPolicies.get(policy);
  if (parsed === undefined) {
    parsed = parsePolicy(policy);
    parsedPolicies.set(policy, parsed);
  }
  return parsed;
}

function parsePolicy(options: TargetPolicyOptions): ParsedPolicy {
  return {
    hosts: new Set((options.allowHosts ?? []).map(parseHostEntry)),
    cidrs: (options.allowCidrs ?? []).map(parseCidrEntry),
  };
}

function parseHostEntry(entry: string): string {
  const host = normalizeHost(entry);
  const isName = /^[a-z0-9_-]+(\.[a-z0-9_-]+)*$/.test(host);
  if (isName || net.isIP(host) !== 0) return host;
  throw new Error(
    `Invalid allowHosts entry ${JSON.stringify(entry)}: expected a bare ` +
      'host name such as hooks.example.com (no scheme, port or path)',
  );
}

/** Accepts "address/bits" or a lone address (a /32 or /128 range). */
function parseCidrEntry(entry: string): Cidr {
  const match = /^([^/]+)(?:\/(\d{1,3}))?$/.exec(entry.trim());
  const address = match?.[1] === undefined ? null : parseAddress(match[1]);
  const maxBits = address?.kind() === 'ipv6' ? 128 : 32;
  const bits = match?.[2] === undefined ? maxBits : Number(match[2]);
  if (address === null || bits > maxBits) {
    throw new Error(
      `Invalid allowCidrs entry ${JSON.stringify(entry)}: expected an ` +
        'IPv4 or IPv6 CIDR such as 10.0.0.0/8 or fd00::/8, or one address',
    );
  }
  return [address, bits];
}

function cidrToString([address, bits]: Cidr): string {
  return `${address.toString()}/${bits}`;
}

function normalizeHost(host: string): string {
  return stripBrackets(host.trim().toLowerCase()).replace(/\.$/, '');
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function rules(entries: ReadonlyArray<readonly [string, string]>): Rule[] {
  return entries.map(([cidr, reason]) => ({
    range: ipaddr.parseCIDR(cidr),
    reason,
  }));
}

function cidrs(entries: readonly string[]): Cidr[] {
  return entries.map((cidr) => ipaddr.parseCIDR(cidr));
}
