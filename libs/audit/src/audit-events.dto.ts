import { z } from 'zod';
import { pageQueryFields, pageSchema } from '@medmentor/platform';

const token = z.string().trim().min(1).max(200);

export const listAuditEventsQuerySchema = z
  .object({
    ...pageQueryFields,
    action: z
      .string()
      .regex(/^[a-z][a-z0-9.-]{0,99}$/)
      .optional()
      .describe('Exact action, e.g. program.published'),
    resourceType: z
      .string()
      .regex(/^[a-z][a-z0-9-]{0,49}$/)
      .optional(),
    resourceId: token.optional(),
    actor: token.optional().describe('Subject of the actor'),
    from: z.iso
      .datetime({ offset: true })
      .transform((v) => new Date(v))
      .optional(),
    to: z.iso
      .datetime({ offset: true })
      .transform((v) => new Date(v))
      .optional(),
  })
  .refine((q) => q.from === undefined || q.to === undefined || q.from < q.to, {
    message: 'must be after from',
    path: ['to'],
  });

export type ListAuditEventsQuery = z.output<typeof listAuditEventsQuerySchema>;

const scalar = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);

export const auditEventViewSchema = z.object({
  id: z.string(),
  tenantId: z.string(),
  service: z.string(),
  at: z.iso.datetime(),
  actor: z.object({
    subject: z.string(),
    roles: z.array(z.string()),
    physicianId: z.string().optional(),
  }),
  action: z.string(),
  resource: z.object({ type: z.string(), id: z.string() }),
  summary: z.record(z.string(), scalar),
  origin: z.object({
    ip: z.string().optional(),
    userAgent: z.string().optional(),
    correlationId: z.string().optional(),
  }),
});

export const auditEventPageSchema = pageSchema(auditEventViewSchema);
