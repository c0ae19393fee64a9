import { MESSAGE_KINDS } from '../kinds/kind-registry';
import { SAMPLE_CONTEXT } from '../kinds/message-kind.definition';
import { matchProposedKind } from '../kinds/matching.kinds';
import { TemplateEngine } from './template-engine';

const engine = new TemplateEngine();
const hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&';

describe('TemplateEngine', () => {
  it('escapes a hostile name in HTML but keeps plain text readable', () => {
    const rendered = engine.render(matchProposedKind.templates.email, {
      ...SAMPLE_CONTEXT,
      ...matchProposedKind.sample,
      recipient: { name: hostile },
      other: { name: '<b>Mallory</b>' },
    });
    expect(rendered.html).not.toContain('<script>');
    expect(rendered.html).not.toContain('<img');
    expect(rendered.html).not.toContain('<b>Mallory');
    expect(rendered.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(rendered.html).toContain('&lt;b&gt;Mallory&lt;/b&gt;');
    expect(rendered.text).toContain(hostile);
  });

  it('cannot be used to inject headers through the subject', () => {
    const rendered = engine.render(
      { subject: 'Hi {{recipient.name}}', text: '' },
      { recipient: { name: 'Eve\r\nBcc: victim@example.org' } },
    );
    expect(rendered.subject).toBe('Hi Eve Bcc: victim@example.org');
  });

  it('refuses unknown helpers and does not reach prototypes', () => {
    expect(engine.validate({ subject: '{{evil recipient}}', text: 'x' }, {})).toEqual([
      expect.objectContaining({ field: 'subject', message: expect.stringContaining('evil') }),
    ]);
    expect(engine.render({ subject: '{{lookup this "constructor"}}', text: '' }, {}).subject).toBe(
      '',
    );
    expect(engine.validate({ subject: 'ok', text: '{{#with}}' }, {})).toEqual([
      expect.objectContaining({ field: 'text' }),
    ]);
    expect(
      engine.render({ subject: '{{constructor.name}}{{__proto__}}', text: '' }, {}).subject,
    ).toBe('');
  });

  it('formats dates in the recipient time zone', () => {
    const rendered = engine.render(
      { subject: '{{date when zone}}', text: '' },
      { when: '2027-03-01T17:00:00Z', zone: 'America/Chicago' },
    );
    expect(rendered.subject).toBe('Mon 1 Mar 2027, 11:00 (CST)');
  });

  it('lists why a proposed match was made, escaped in HTML, and leaves the list out without an explanation', () => {
    const context = {
      ...SAMPLE_CONTEXT,
      ...matchProposedKind.sample,
      reasons: [
        { label: 'Shared interests', points: 240, shared: 'ethics, <i>x</i>' },
        { label: 'Specialty', points: 200 },
      ],
    };
    const rendered = engine.render(matchProposedKind.templates.email, context);
    expect(rendered.text).toContain(
      'Why you were matched:\n- Shared interests (240 points): ethics, <i>x</i>\n- Specialty (200 points)\n',
    );
    expect(rendered.html).toContain(
      '<ul><li>Shared interests (240 points): ethics, &lt;i&gt;x&lt;/i&gt;</li><li>Specialty (200 points)</li></ul>',
    );
    const { reasons: _omitted, ...withoutReasons } = context;
    const plain = engine.render(matchProposedKind.templates.email, withoutReasons);
    expect(plain.text).not.toContain('Why you were matched');
    expect(plain.html).not.toContain('<ul>');
    expect(plain.text).toContain('Please accept or decline by');
  });

  it('renders every default template of every kind and channel with its sample', () => {
    for (const definition of MESSAGE_KINDS) {
      for (const [channel, set] of Object.entries(definition.templates)) {
        const context = { ...SAMPLE_CONTEXT, ...definition.sample };
        expect({ kind: definition.kind, channel, problems: engine.validate(set, context) }).toEqual(
          {
            kind: definition.kind,
            channel,
            problems: [],
          },
        );
        const rendered = engine.render(set, context);
        expect(rendered.subject.length).toBeGreaterThan(5);
        expect(rendered.text).not.toContain('{{');
      }
    }
  });
});
