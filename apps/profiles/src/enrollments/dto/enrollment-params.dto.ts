import { z } from 'zod';

export const enrollmentParamsSchema = z.strictObject({ enrollmentId: z.uuid() });

export type EnrollmentParams = z.output<typeof enrollmentParamsSchema>;
