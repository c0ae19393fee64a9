import { decodeMimeWords, headerValue, parseHeaders } from './eml-headers';

describe('parseHeaders', () => {
  const raw = [
    'From: "Dr. A" <a@example.test>',
    'To: b@example.test,',
    '  c@example.test',
    'Subject: =?UTF-8?B?V2VsY29tZSDwn5GL?=',
    'X-Empty:',
    'Received: one',
    'Received: two',
    '',
    'Subject: not a header, the body',
  ].join('\r\n');

  it('reads names case-insensitively, unfolds continuation lines, stops at the body', () => {
    const headers = parseHeaders(raw);
    expect(headers.get('to')).toEqual(['b@example.test, c@example.test']);
    expect(headers.get('received')).toEqual(['one', 'two']);
    expect(headers.get('x-empty')).toEqual(['']);
    expect(headers.get('subject')).toHaveLength(1);
    expect(headerValue(headers, 'Subject')).toBe('Welcome 👋');
    expect(headerValue(headers, 'cc')).toBeUndefined();
  });

  it('works with bare LF line ends', () => {
    expect(headerValue(parseHeaders('Subject: hi\n\nbody'), 'subject')).toBe('hi');
  });
});

describe('decodeMimeWords', () => {
  it('decodes B and Q words and joins adjacent ones', () => {
    expect(decodeMimeWords('=?utf-8?Q?Caf=C3=A9_au_lait?=')).toBe('Café au lait');
    expect(decodeMimeWords('=?utf-8?B?SMOp?= =?utf-8?B?bGxv?= world')).toBe('Héllo world');
    expect(decodeMimeWords('=?iso-8859-1?Q?=E9t=E9?=')).toBe('été');
    expect(decodeMimeWords('plain text')).toBe('plain text');
  });
});
