import { z } from 'zod';

export const physicianParamsSchema = z.strictObject({ physicianId: z.uuid() });

export type PhysicianParams = z.output<typeof physicianParamsSchema>;
