import { simpleParser } from 'mailparser';
import { createTransport } from 'nodemailer';
import { toMailOptions } from './email.channel';

describe('toMailOptions', () => {
  it('builds a multipart mail with text, HTML, an attachment and one-click unsubscribe headers', async () => {
    const transport = createTransport({ streamTransport: true, buffer: true });
    const info = await transport.sendMail(
      toMailOptions('MedMentor <no-reply@medmentor.test>', {
        to: 'ana@example.org',
        subject: 'Your rank list is final',
        text: 'Plain body',
        html: '<p>HTML body</p>',
        messageId: '<abc@medmentor.notifications>',
        unsubscribeUrl: 'https://medmentor.test/api/v1/unsubscribe?token=t.s',
        attachments: [
          {
            filename: 'rank-list.csv',
            contentType: 'text/csv',
            content: Buffer.from('rank,enrollment_id\r\n1,e1\r\n').toString('base64'),
          },
        ],
      }),
    );
    const mail = await simpleParser(info.message);
    expect(mail.subject).toBe('Your rank list is final');
    expect(mail.text?.trim()).toBe('Plain body');
    expect(mail.html).toContain('<p>HTML body</p>');
    expect(mail.messageId).toBe('<abc@medmentor.notifications>');
    const header = (key: string) => mail.headerLines.find((line) => line.key === key)?.line;
    expect(header('list-unsubscribe-post')).toBe(
      'List-Unsubscribe-Post: List-Unsubscribe=One-Click',
    );
    expect(header('list-unsubscribe')).toContain(
      '<https://medmentor.test/api/v1/unsubscribe?token=t.s>',
    );
    expect(mail.attachments).toHaveLength(1);
    expect(mail.attachments[0]).toMatchObject({
      filename: 'rank-list.csv',
      contentType: 'text/csv',
    });
    expect(mail.attachments[0]?.content.toString()).toBe('rank,enrollment_id\r\n1,e1\r\n');
  });
});
