import { z } from 'zod';

/**
 * A pipeline probe: an operator sends a ping through the profiles service's outbox and
 * checks that the notifications service received it. Key: the ping id.
 */
export const diagnosticsPingSentSchema = z.object({
  pingId: z.string().min(1).max(128),
  message: z.string().max(500),
  sentAt: z.iso.datetime({ offset: true }),
});

export type DiagnosticsPingSent = z.infer<typeof diagnosticsPingSentSchema>;
