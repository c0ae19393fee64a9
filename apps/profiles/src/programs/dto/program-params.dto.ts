import { z } from 'zod';

export const programParamsSchema = z.strictObject({ programId: z.uuid() });

export type ProgramParams = z.output<typeof programParamsSchema>;
