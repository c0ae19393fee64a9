import { z } from 'zod';

export const sendPingSchema = z.strictObject({
  message: z.string().trim().max(500).default('ping'),
});

export type SendPingDto = z.infer<typeof sendPingSchema>;

export const pingIdParamsSchema = z.strictObject({
  pingId: z.uuid(),
});

export type PingIdParams = z.infer<typeof pingIdParamsSchema>;
