import { z } from 'zod';

export const createAdminContactSchema = z.object({
  name: z.string().trim().min(1).max(200),
  email: z.email().max(320),
  /** Leave out for alerts of every program of the tenant. */
  programId: z.string().min(1).max(128).optional(),
});
export type CreateAdminContactDto = z.output<typeof createAdminContactSchema>;

export const adminContactViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  programId: z.string().nullable(),
  createdAt: z.string(),
});
export type AdminContactView = z.output<typeof adminContactViewSchema>;
export const adminContactListSchema = z.object({ items: z.array(adminContactViewSchema) });
export const adminContactParamsSchema = z.strictObject({ contactId: z.uuid() });
