import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  classifyAddress,
  isAllowed,
  makeTargetPolicy,
  refusalReason,
} from '../../src/webhooks/target-policy.js';

const IPV4_SAMPLES: ReadonlyArray<readonly [string, string | null]> = [
  ['8.8.8.8', null],
  ['1.1.1.1', null],
  ['93.184.215.14', null],
  ['100.63.255.255', null],
  ['100.128.0.0', null],
  ['172.15.255.255', null],
  ['172.32.0.0', null],
  ['198.20.0.1', null],
  ['223.255.255.255', null],
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['10.0.0.1', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.168.1.10', 'private'],
  ['169.254.1.1', 'link-local'],
  ['169.254.169.254', 'metadata'],
  ['100.100.100.200', 'metadata'],
  ['100.64.0.1', 'cgnat'],
  ['100.127.255.255', 'cgnat'],
  ['224.0.0.1', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['0.0.0.0', 'unspecified'],
  ['0.1.2.3', 'reserved'],
  ['240.0.0.1', 'reserved'],
  ['255.255.255.255', 'reserved'],
  ['192.0.0.8', 'reserved'],
  ['192.0.2.1', 'reserved'],
  ['198.51.100.7', 'reserved'],
  ['203.0.113.9', 'reserved'],
  ['198.18.0.1', 'reserved'],
  ['198.19.255.255', 'reserved'],
];

const IPV6_SAMPLES: ReadonlyArray<readonly [string, string | null]> = [
  ['2606:4700:4700::1111', null],
  ['2001:4860:4860::8888', null],
  ['2a00:1450:4001:80b::200e', null],
  ['::1', 'loopback'],
  ['::', 'unspecified'],
  ['fe80::1', 'link-local'],
  ['fe80::1%eth0', 'link-local'],
  ['fe80::1%en-0.100', 'link-local'],
  ['fc00::1', 'unique-local'],
  ['fd12:3456:789a::1', 'unique-local'],
  ['fd00:ec2::254', 'metadata'],
  ['fec0::1', 'site-local'],
  ['ff02::1', 'multicast'],
  ['2001:db8::1', 'reserved'],
  ['3fff::1', 'reserved'],
  ['100::1', 'reserved'],
  ['2001::1', 'reserved'],
  ['2002:7f00:1::1', 'reserved'],
  ['4000::1', 'reserved'],
];

const EMBEDDED_IPV4_SAMPLES: ReadonlyArray<readonly [string, string | null]> = [
  ['::ffff:127.0.0.1', 'loopback'],
  ['::ffff:7f00:1', 'loopback'],
  ['::FFFF:7F00:0001', 'loopback'],
  ['::ffff:10.1.2.3', 'private'],
  ['::ffff:169.254.169.254', 'metadata'],
  ['::ffff:8.8.8.8', null],
  ['64:ff9b::7f00:1', 'loopback'],
  ['64:ff9b::127.0.0.1', 'loopback'],
  ['64:ff9b::a9fe:a9fe', 'metadata'],
  ['64:ff9b::808:808', null],
  ['::127.0.0.1', 'loopback'],
  ['::c0a8:101', 'private'],
  ['::ffff:0:127.0.0.1', 'loopback'],
  ['64:ff9b:1::a00:1', 'reserved'],
];

describe('classifyAddress', () => {
  it('classifies IPv4 samples as public (null) or by range', () => {
    for (const [ip, expected] of IPV4_SAMPLES) {
      assert.equal(classifyAddress(ip), expected, ip);
    }
  });

  it('classifies IPv6 samples as public (null) or by range', () => {
    for (const [ip, expected] of IPV6_SAMPLES) {
      assert.equal(classifyAddress(ip), expected, ip);
    }
  });

  it('judges mapped, compatible and NAT64 IPv6 by the embedded IPv4', () => {
    for (const [ip, expected] of EMBEDDED_IPV4_SAMPLES) {
      assert.equal(classifyAddress(ip), expected, ip);
    }
  });

  it('accepts bracketed IPv6 literals as URL hosts spell them', () => {
    assert.equal(classifyAddress('[::1]'), 'loopback');
    assert.equal(classifyAddress('[::ffff:7f00:1]'), 'loopback');
  });

  it('classes non-canonical or malformed strings as invalid', () => {
    const samples = [
      '',
      'localhost',
      '127.1',
      '0x7f000001',
      '2130706433',
      '0177.0.0.1',
      '256.0.0.1',
      '1.2.3.4.5',
      '::ffff::1::',
      ' 8.8.8.8',
    ];
    for (const sample of samples) {
      assert.equal(classifyAddress(sample), 'invalid', JSON.stringify(sample));
    }
  });
});

describe('URL host normalization (WHATWG) feeds classifyAddress', () => {
  const spellings: ReadonlyArray<readonly [string, string]> = [
    ['http://2130706433/', '127.0.0.1'],
    ['http://0x7f000001/', '127.0.0.1'],
    ['http://0177.0.0.1/', '127.0.0.1'],
    ['http://0x7f.1/', '127.0.0.1'],
    ['http://127.1/', '127.0.0.1'],
    ['https://017700000001/', '127.0.0.1'],
    ['http://0/', '0.0.0.0'],
    ['http://169.254.43518/', '169.254.169.254'],
    ['http://[::ffff:127.0.0.1]/', '[::ffff:7f00:1]'],
    ['http://[0:0:0:0:0:0:0:1]/', '[::1]'],
  ];

  it('turns decimal, hex, octal and short IPv4 hosts into dotted quads', () => {
    for (const [url, hostname] of spellings) {
      assert.equal(new URL(url).hostname, hostname, url);
    }
  });

  it('classifies every such spelling by the address it denotes', () => {
    for (const [url] of spellings) {
      assert.notEqual(classifyAddress(new URL(url).hostname), null, url);
    }
  });
});

describe('makeTargetPolicy', () => {
  it('normalizes hosts and CIDRs, treating a lone address as one host', () => {
    const policy = makeTargetPolicy({
      allowHosts: [' Hooks.Example.TEST. ', 'localhost'],
      allowCidrs: ['127.0.0.0/8', 'fd00::/8', '10.1.2.3', '::1'],
    });
    assert.deepEqual(policy.allowHosts, ['hooks.example.test', 'localhost']);
    assert.deepEqual(policy.allowCidrs, ['127.0.0.0/8', 'fd00::/8', '10.1.2.3/32', '::1/128']);
    assert.ok(Object.isFrozen(policy) && Object.isFrozen(policy.allowCidrs));
  });

  it('returns a policy it already made unchanged', () => {
    const policy = makeTargetPolicy({ allowCidrs: ['10.0.0.0/8'] });
    assert.equal(makeTargetPolicy(policy), policy);
  });

  it('defaults to empty allow-lists', () => {
    const policy = makeTargetPolicy();
    assert.deepEqual(policy, { allowHosts: [], allowCidrs: [] });
  });

  it('throws a message naming an invalid CIDR entry', () => {
    const bad = [
      '10.0.0.0/33',
      '::/129',
      'abc',
      '',
      '127.1/8',
      '10.0.0.0/8/8',
      '10.0.0.0/',
      '10.0.0.0/-1',
      'fd00::/x',
    ];
    for (const entry of bad) {
      assert.throws(
        () => makeTargetPolicy({ allowCidrs: [entry] }),
        (error: Error) =>
          error.message.includes('Invalid allowCidrs entry') &&
          error.message.includes(JSON.stringify(entry)),
        entry,
      );
    }
  });

  it('throws a message naming an invalid host entry', () => {
    const bad = [
      '',
      'http://hooks.example.test',
      'hooks.example.test:8080',
      'hooks.example.test/path',
      'two words',
      'a..b',
    ];
    for (const entry of bad) {
      assert.throws(
        () => makeTargetPolicy({ allowHosts: [entry] }),
        /Invalid allowHosts entry/,
        entry,
      );
    }
  });
});

describe('isAllowed', () => {
  const policy = makeTargetPolicy({
    allowHosts: ['hooks.example.test'],
    allowCidrs: ['127.0.0.0/8', 'fd00::/8'],
  });

  it('allows an allow-listed host case-insensitively at any address', () => {
    assert.equal(isAllowed(policy, 'HOOKS.example.test', '10.0.0.1'), true);
    assert.equal(isAllowed(policy, 'hooks.example.test.', '169.254.169.254'), true);
  });

  it('does not allow other hosts by suffix or prefix', () => {
    assert.equal(isAllowed(policy, 'evil.hooks.example.test', '10.0.0.1'), false);
    assert.equal(isAllowed(policy, 'hooks.example.test.evil', '10.0.0.1'), false);
  });

  it('allows addresses inside an allowed IPv4 or IPv6 CIDR', () => {
    assert.equal(isAllowed(policy, 'any.test', '127.0.0.1'), true);
    assert.equal(isAllowed(policy, 'any.test', '127.9.9.9'), true);
    assert.equal(isAllowed(policy, 'any.test', 'fd12::1'), true);
    assert.equal(isAllowed(policy, 'any.test', '10.0.0.1'), false);
    assert.equal(isAllowed(policy, 'any.test', '::1'), false);
  });

  it('matches IPv4 CIDRs through IPv4-mapped and NAT64 addresses', () => {
    assert.equal(isAllowed(policy, 'any.test', '::ffff:127.0.0.1'), true);
    assert.equal(isAllowed(policy, 'any.test', '64:ff9b::7f00:1'), true);
    assert.equal(isAllowed(policy, 'any.test', '::ffff:10.0.0.1'), false);
  });

  it('never allows an unparsable address through a CIDR', () => {
    assert.equal(isAllowed(policy, 'any.test', '127.1'), false);
    assert.equal(isAllowed(policy, 'any.test', 'not-an-ip'), false);
  });

  it('parses and validates a plain policy object on first use', () => {
    const plain = { allowHosts: [], allowCidrs: ['192.168.0.0/16'] };
    assert.equal(isAllowed(plain, 'x.test', '192.168.3.4'), true);
    const broken = { allowHosts: [], allowCidrs: ['nope'] };
    assert.throws(() => isAllowed(broken, 'x.test', '1.2.3.4'), /allowCidrs/);
  });
});

describe('refusalReason', () => {
  const empty = makeTargetPolicy();

  it('returns null when every resolved address is public', () => {
    assert.equal(refusalReason(empty, 'a.test', ['8.8.8.8', '2606:4700::1']), null);
  });

  it('names host, address and class when one address is not public', () => {
    assert.equal(
      refusalReason(empty, 'example.test', ['8.8.8.8', '127.0.0.1']),
      'example.test resolves to 127.0.0.1 (loopback)',
    );
    assert.equal(
      refusalReason(empty, 'a.test', ['1.1.1.1', '10.9.8.7']),
      'a.test resolves to 10.9.8.7 (private)',
    );
  });

  it('describes an IP-literal host without repeating "resolves to"', () => {
    assert.equal(
      refusalReason(empty, '169.254.169.254', ['169.254.169.254']),
      '169.254.169.254 is not a public address (metadata)',
    );
  });

  it('lets allow-listed addresses through but still refuses the rest', () => {
    const policy = makeTargetPolicy({ allowCidrs: ['127.0.0.0/8'] });
    assert.equal(refusalReason(policy, 'a.test', ['127.0.0.1']), null);
    assert.equal(
      refusalReason(policy, 'a.test', ['127.0.0.1', '192.168.0.5']),
      'a.test resolves to 192.168.0.5 (private)',
    );
  });
});
