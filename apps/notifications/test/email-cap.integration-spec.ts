// The daily cap's counter against the real FerretDB: replicas (separate connections) taking
// slots at once never grant more than the cap, and taking a slot again for the same
// delivery (a redelivered event, another replica) grants the same answer without using a
// second slot.
import type { Connection } from 'mongoose';
import { uniqueName } from '@medmentor/testing';
import { EmailCapRepository } from '../src/delivery/email-cap.repository';
import { EmailDayCount, EmailDayCountSchema } from '../src/delivery/schemas/email-day-count.schema';
import { closeReplicas, openReplicas } from './replicas';

describe('daily email cap counter (real FerretDB)', () => {
  const database = uniqueName('it_email_cap').replace(/-/g, '_');
  let replicas: { connection: Connection; repository: EmailCapRepository }[] = [];

  beforeAll(async () => {
    replicas = await openReplicas(database, 3, async (connection) => {
      const model = connection.model(EmailDayCount.name, EmailDayCountSchema);
      await model.init();
      return { repository: new EmailCapRepository(model as never) };
    });
  });

  afterAll(() => closeReplicas(replicas));

  const slot = (physicianId: string, deliveryId: string, cap = 3) => ({
    tenantId: 'tenant-a',
    physicianId,
    day: '2026-12-07',
    deliveryId,
    cap,
  });

  it('three replicas taking twelve slots at once grant exactly the cap', async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `event-${i}:p:ph-1:email`);
    const answers = await Promise.all(
      ids.map((id, i) => replicas[i % replicas.length].repository.take(slot('ph-1', id))),
    );
    expect(answers.filter(Boolean)).toHaveLength(3);
    const granted = ids.filter((_, i) => answers[i]);

    // Redelivery on any replica: the granted keep their slot, the refused stay refused.
    const again = await Promise.all(
      ids.map((id, i) => replicas[(i + 1) % replicas.length].repository.take(slot('ph-1', id))),
    );
    expect(again).toEqual(answers);
    const stored = await replicas[0].connection
      .collection('email_day_counts')
      .findOne({ _id: 'tenant-a:ph-1:2026-12-07' as never });
    expect([...(stored?.['deliveryIds'] as string[])].sort()).toEqual([...granted].sort());
  });

  it('one delivery taken twice at once uses one slot', async () => {
    const answers = await Promise.all(
      replicas.map((r) => r.repository.take(slot('ph-2', 'event-x:p:ph-2:email', 2))),
    );
    expect(answers).toEqual([true, true, true]);
    expect(await replicas[0].repository.take(slot('ph-2', 'event-y:p:ph-2:email', 2))).toBe(true);
    expect(await replicas[1].repository.take(slot('ph-2', 'event-z:p:ph-2:email', 2))).toBe(false);
  });

  it('days and physicians count apart; erasure removes the counters', async () => {
    expect(await replicas[0].repository.take(slot('ph-3', 'a', 1))).toBe(true);
    expect(await replicas[0].repository.take(slot('ph-3', 'b', 1))).toBe(false);
    expect(await replicas[0].repository.take({ ...slot('ph-3', 'b', 1), day: '2026-12-08' })).toBe(
      true,
    );
    expect(await replicas[0].repository.take(slot('ph-4', 'c', 1))).toBe(true);
    await replicas[0].repository.deleteFor({ tenantId: 'tenant-a', physicianId: 'ph-3' });
    expect(await replicas[1].repository.take(slot('ph-3', 'b', 1))).toBe(true);
  });
});
