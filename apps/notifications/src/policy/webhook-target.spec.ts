import { checkWebhookUrl, refusedAddressReason } from './webhook-target';

describe('refusedAddressReason', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.10.20', 'private'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['fe80::1', 'link-local'],
    ['0.0.0.0', 'this-network'],
    ['::', 'unspecified'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.8', 'private'],
    ['[::1]', 'loopback'],
    ['example.org', 'not-an-address'],
  ])('refuses %s as %s', (address, reason) => {
    expect(refusedAddressReason(address)).toBe(reason);
  });

  it.each([
    '93.184.215.14',
    '172.32.0.1',
    '172.15.255.255',
    '192.169.0.1',
    '2606:4700::1111',
    '8.8.8.8',
  ])('allows the public address %s', (address) => {
    expect(refusedAddressReason(address)).toBeUndefined();
  });
});

describe('checkWebhookUrl', () => {
  it('accepts an https URL with a name or a public address', () => {
    expect(checkWebhookUrl('https://hooks.example.org/x', false)).toEqual({
      ok: true,
      hostname: 'hooks.example.org',
      literalAddress: false,
    });
    expect(checkWebhookUrl('https://[2606:4700::1111]/x', false)).toMatchObject({
      ok: true,
      hostname: '2606:4700::1111',
      literalAddress: true,
    });
  });

  it.each([
    ['http://hooks.example.org/x', 'must use https'],
    ['ftp://hooks.example.org/x', 'must use https'],
    ['https://user:pw@hooks.example.org/x', 'must not carry credentials'],
    ['https://127.0.0.1/x', 'points to a loopback address'],
    ['https://[::1]:8443/x', 'points to a loopback address'],
    ['https://10.0.0.5/x', 'points to a private address'],
    ['https://169.254.169.254/latest/meta-data', 'points to a link-local address'],
    ['https://0.0.0.0/', 'points to a this-network address'],
    ['https://2130706433/', 'points to a loopback address'],
    ['not a url', 'must be an absolute URL'],
  ])('refuses %s: %s', (url, reason) => {
    expect(checkWebhookUrl(url, false)).toEqual({ ok: false, reason });
  });

  it('allows http and private addresses only when private targets are allowed', () => {
    expect(checkWebhookUrl('http://127.0.0.1:8080/hook', true)).toMatchObject({ ok: true });
    expect(checkWebhookUrl('ftp://127.0.0.1/hook', true)).toEqual({
      ok: false,
      reason: 'must use https',
    });
  });
});
