// The dispatcher's lease of due deliveries against the real FerretDB: replicas (separate
// connections) claiming at once never share a delivery, each claim answers exactly what it
// leased (not what another claim still holds), a lease that expired can be taken again, and
// deliveries that are not due or not pending are left alone.
import type { Connection, Model } from 'mongoose';
import { uniqueName } from '@medmentor/testing';
import { DeliveryRepository } from '../src/delivery/delivery.repository';
import {
  DeliveryDeadLetter,
  DeliveryDeadLetterSchema,
} from '../src/delivery/schemas/dead-letter.schema';
import { Delivery, DeliverySchema, NO_LEASE } from '../src/delivery/schemas/delivery.schema';
import { closeReplicas, openReplicas } from './replicas';

const NOW = new Date('2026-12-07T12:00:00Z');
const minutes = (n: number): Date => new Date(NOW.getTime() + n * 60_000);

describe('delivery claims (real FerretDB)', () => {
  const database = uniqueName('it_delivery_claim').replace(/-/g, '_');
  let replicas: {
    connection: Connection;
    model: Model<Delivery>;
    repository: DeliveryRepository;
  }[] = [];

  beforeAll(async () => {
    replicas = await openReplicas(database, 3, async (connection) => {
      const model = connection.model(Delivery.name, DeliverySchema);
      const deadLetters = connection.model(DeliveryDeadLetter.name, DeliveryDeadLetterSchema);
      await model.init();
      return {
        model: model as unknown as Model<Delivery>,
        repository: new DeliveryRepository(model as never, deadLetters as never),
      };
    });
  });

  afterEach(async () => {
    await replicas[0].model.deleteMany({}).exec();
  });

  afterAll(() => closeReplicas(replicas));

  const delivery = (id: string, dueAt: Date, fields: Partial<Delivery> = {}) => ({
    _id: id,
    tenantId: 'tenant-a',
    kind: 'enrollment-confirmed',
    category: 'enrollment',
    priority: 'normal',
    channel: 'email',
    physicianId: `ph-${id}`,
    status: 'pending' as const,
    dueAt,
    createdAt: minutes(-60),
    attempts: 0,
    lockedUntil: NO_LEASE,
    ...fields,
  });

  const seed = async (docs: ReturnType<typeof delivery>[]): Promise<void> => {
    await replicas[0].model.collection.insertMany(docs as never[]);
  };

  it('three replicas claiming at once lease every due delivery to exactly one of them', async () => {
    await seed(Array.from({ length: 30 }, (_, i) => delivery(`d${i}`, minutes(-30 + i))));

    const claims = await Promise.all(
      replicas.map((r, i) => r.repository.claimDue(NOW, 12, `token-${i}`, minutes(5))),
    );

    const claimedIds = claims.flatMap((claim) => claim.map((d) => d._id));
    expect(new Set(claimedIds).size).toBe(claimedIds.length);
    expect(claimedIds.length).toBeGreaterThanOrEqual(12);
    for (const [i, claim] of claims.entries()) {
      expect(claim.length).toBeLessThanOrEqual(12);
      for (const d of claim) expect(d.lockedBy).toBe(`token-${i}`);
    }
    // What each claim answered is what the database holds as leased to it, and nothing else.
    const stored = await replicas[0].model
      .find({ lockedBy: { $exists: true } })
      .lean()
      .exec();
    expect(stored).toHaveLength(claimedIds.length);
    for (const d of stored)
      expect(claims[Number(d.lockedBy?.slice('token-'.length))].map((c) => c._id)).toContain(d._id);
  });

  it('answers only what this claim leased, oldest due first, leaving what is not due or held', async () => {
    await seed([
      delivery('late', minutes(-5)),
      delivery('early', minutes(-50)),
      delivery('middle', minutes(-20)),
      delivery('future', minutes(30)),
      delivery('sent', minutes(-40), { status: 'sent' }),
      delivery('held', minutes(-45), { lockedBy: 'other', lockedUntil: minutes(2) }),
      delivery('expired', minutes(-10), { lockedBy: 'dead', lockedUntil: minutes(-1) }),
    ]);

    const first = await replicas[1].repository.claimDue(NOW, 2, 'token-a', minutes(5));
    expect(first.map((d) => d._id)).toEqual(expect.arrayContaining(['early', 'middle']));
    expect(first).toHaveLength(2);

    // A second claim gets the rest that is due, not the first claim's leases nor the held one.
    const second = await replicas[2].repository.claimDue(NOW, 10, 'token-b', minutes(5));
    expect(second.map((d) => d._id).sort()).toEqual(['expired', 'late']);

    const held = await replicas[0].model.findById('held').lean().exec();
    expect(held?.lockedBy).toBe('other');
    const future = await replicas[0].model.findById('future').lean().exec();
    expect(future?.lockedUntil).toEqual(NO_LEASE);
    expect(await replicas[0].repository.claimDue(NOW, 10, 'token-c', minutes(5))).toEqual([]);
  });
});
