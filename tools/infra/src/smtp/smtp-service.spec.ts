import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoredMessage } from './message-store';
import { probeSmtpGreeting, sendMail } from './smtp-client';
import { probeSmtp } from './smtp-probe';
import { type SmtpService, startSmtpService } from './smtp-service';

describe('SMTP mailbox (in-process)', () => {
  let dir: string;
  let service: SmtpService;
  let api: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'infra-smtp-'));
    service = await startSmtpService({ smtpPort: 0, apiPort: 0, dir, maxSize: 64 * 1024 });
    api = `http://127.0.0.1:${service.apiPort}`;
  });
  afterAll(async () => {
    await service.close();
    rmSync(dir, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await fetch(`${api}/messages`, { method: 'DELETE' });
  });

  const send = (to: string[], subject: string, text: string): Promise<string> =>
    sendMail({
      host: '127.0.0.1',
      port: service.smtpPort,
      from: 'noreply@medmentor.test',
      to,
      subject,
      text,
    });

  const list = async (query = ''): Promise<StoredMessage[]> =>
    (await (await fetch(`${api}/messages${query}`)).json()) as StoredMessage[];

  it('greets and reports healthy', async () => {
    expect(await probeSmtpGreeting('127.0.0.1', service.smtpPort)).toContain('MedMentor');
    await expect(
      probeSmtp({ SMTP_URL: `smtp://127.0.0.1:${service.smtpPort}`, SMTP_API_URL: api }),
    ).resolves.toBeUndefined();
    expect((await fetch(`${api}/health`)).status).toBe(200);
  });

  it('stores every mail as .eml plus an index entry, served by the API', async () => {
    const reply = await send(
      ['mentee@example.test', 'Mentor@Example.test'],
      'Your match ✓',
      'Hello\n.leading dot\nBye',
    );
    expect(reply).toMatch(/queued as/);

    const messages = await list();
    expect(messages).toHaveLength(1);
    const [message] = messages as [StoredMessage];
    expect(message).toMatchObject({
      from: 'noreply@medmentor.test',
      to: ['mentee@example.test', 'Mentor@Example.test'],
      subject: 'Your match ✓',
      headerFrom: 'noreply@medmentor.test',
    });
    expect(new Date(message.date).getTime()).toBeGreaterThan(Date.now() - 60_000);

    const raw = await (await fetch(`${api}/messages/${message.id}/raw`)).text();
    expect(raw).toContain('\r\n.leading dot\r\n'); // dot-stuffing undone
    expect(message.size).toBe(Buffer.byteLength(raw));
    expect(readdirSync(dir).sort()).toEqual([`${message.id}.eml`, 'index.jsonl']);
    const lines = readFileSync(join(dir, 'index.jsonl'), 'utf8').trim().split('\n');
    expect(lines.map((line) => JSON.parse(line) as unknown)).toEqual(messages);

    const meta = (await (await fetch(`${api}/messages/${message.id}`)).json()) as StoredMessage;
    expect(meta.id).toBe(message.id);
  });

  it('filters by recipient and by arrival after a given mail, keeps arrival order, clears', async () => {
    await send(['a@example.test'], 'first', 'x');
    await send(['b@example.test'], 'second', 'y');
    expect((await list()).map((m) => m.subject)).toEqual(['first', 'second']);
    expect((await list('?to=B@example.test')).map((m) => m.subject)).toEqual(['second']);
    const [first] = await list();
    await send(['b@example.test'], 'third', 'z');
    expect((await list(`?after=${first.id}`)).map((m) => m.subject)).toEqual(['second', 'third']);
    expect((await list(`?to=a@example.test&after=${first.id}`)).map((m) => m.subject)).toEqual([]);
    expect(await list('?after=unknown-00000000')).toEqual([]);

    const cleared = (await (await fetch(`${api}/messages`, { method: 'DELETE' })).json()) as {
      deleted: number;
    };
    expect(cleared.deleted).toBe(3);
    expect(await list()).toEqual([]);
    expect(readdirSync(dir)).toEqual(['index.jsonl']);
    expect(readFileSync(join(dir, 'index.jsonl'), 'utf8')).toBe('');
  });

  it('answers 404 for unknown messages and routes', async () => {
    expect((await fetch(`${api}/messages/nope/raw`)).status).toBe(404);
    expect((await fetch(`${api}/elsewhere`)).status).toBe(404);
  });

  it('rejects mails over the size limit', async () => {
    await expect(send(['a@example.test'], 'big', 'x'.repeat(100 * 1024))).rejects.toThrow(
      /552|5\d\d/,
    );
    expect(await list()).toEqual([]);
  });

  it('reloads the index after a restart', async () => {
    await send(['a@example.test'], 'kept', 'x');
    const other = await startSmtpService({ smtpPort: 0, apiPort: 0, dir });
    try {
      expect(other.store.list().map((m) => m.subject)).toEqual(['kept']);
    } finally {
      await other.close();
    }
  });

  it('skips a torn last line of the index (a server killed mid-write)', async () => {
    await send(['a@example.test'], 'whole', 'x');
    appendFileSync(join(dir, 'index.jsonl'), '{"id":"torn');
    const other = await startSmtpService({ smtpPort: 0, apiPort: 0, dir });
    try {
      expect(other.store.list().map((m) => m.subject)).toEqual(['whole']);
      await other.store.add({
        from: 'x@example.test',
        to: ['b@example.test'],
        raw: Buffer.from('Subject: next\r\n\r\nbody'),
      });
    } finally {
      await other.close();
    }
    const third = await startSmtpService({ smtpPort: 0, apiPort: 0, dir });
    try {
      expect(third.store.list().map((m) => m.subject)).toEqual(['whole', 'next']);
    } finally {
      await third.close();
    }
  });
});
