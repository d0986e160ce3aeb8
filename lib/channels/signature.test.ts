import { describe, expect, it } from 'vitest';
import { signBody, verifySignature } from './signature';

describe('channel signatures', () => {
  const body = '{"externalId":"A-1"}';

  it('accepts the HMAC of the exact raw body', () => {
    const header = signBody('s3cret', body);
    expect(header).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature('s3cret', body, header)).toBe(true);
    expect(verifySignature('s3cret', Buffer.from(body), header.toUpperCase().replace('SHA256', 'sha256'))).toBe(true);
  });

  it('refuses another secret, a changed body, and malformed or missing headers', () => {
    const header = signBody('s3cret', body);
    expect(verifySignature('other', body, header)).toBe(false);
    expect(verifySignature('s3cret', body + ' ', header)).toBe(false);
    expect(verifySignature('s3cret', body, header.slice(0, -2))).toBe(false);
    expect(verifySignature('s3cret', body, 'md5=abc')).toBe(false);
    expect(verifySignature('s3cret', body, null)).toBe(false);
  });
});
