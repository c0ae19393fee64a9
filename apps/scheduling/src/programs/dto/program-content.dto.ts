import { z } from 'zod';
import { AGENDA_PHASES } from '../agenda-phase';

const id = z.string().min(1).max(200);

export const programParamsSchema = z.strictObject({ programId: id });
export type ProgramParams = z.infer<typeof programParamsSchema>;

export const templateParamsSchema = programParamsSchema.extend({
  phase: z.enum(AGENDA_PHASES).describe('Which meetings the template prefills.'),
});
export type TemplateParams = z.infer<typeof templateParamsSchema>;

export const agendaTemplateSchema = z.strictObject({
  items: z
    .array(z.string().trim().min(1).max(500))
    .min(1)
    .max(30)
    .describe('Agenda items, in order, that new meetings of this phase start with.'),
});
export type AgendaTemplateDto = z.infer<typeof agendaTemplateSchema>;

export const agendaTemplateViewSchema = z.object({
  programId: z.string(),
  phase: z.enum(AGENDA_PHASES),
  items: z.array(z.string()),
  updatedAt: z.iso.datetime(),
});
export const agendaTemplateListSchema = z.object({ items: z.array(agendaTemplateViewSchema) });

/** A titled link; `note` says why it is worth reading. */
export const resourceSchema = z.strictObject({
  title: z.string().trim().min(1).max(200),
  url: z.url({ protocol: /^https?$/, error: 'must be an http or https URL' }).max(2000),
  note: z.string().trim().min(1).max(2000).optional(),
});
export type ResourceDto = z.infer<typeof resourceSchema>;

export const resourceViewSchema = z.object({
  id: z.string(),
  title: z.string(),
  url: z.string(),
  note: z.string().optional(),
  addedBy: z.string(),
  createdAt: z.iso.datetime(),
});
export type ResourceView = z.infer<typeof resourceViewSchema>;
export const resourceListSchema = z.object({ items: z.array(resourceViewSchema) });

export const programResourceParamsSchema = programParamsSchema.extend({ resourceId: z.uuid() });
export type ProgramResourceParams = z.infer<typeof programResourceParamsSchema>;
