import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { AGENDA_PHASES, type AgendaPhase } from '../agenda-phase';

/** The agenda a program gives new meetings of one phase (`<tenant>:<program>:<phase>`). */
@Schema({ collection: 'agenda_templates', versionKey: false })
export class AgendaTemplate {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) tenantId!: string;
  @Prop({ required: true }) programId!: string;
  @Prop({ type: String, required: true, enum: AGENDA_PHASES }) phase!: AgendaPhase;
  @Prop({ type: [String], required: true }) items!: string[];
  @Prop({ required: true }) updatedAt!: Date;
}

export const AgendaTemplateSchema = SchemaFactory.createForClass(AgendaTemplate);
// Serves a program's templates (planning a meeting, the admin list).
AgendaTemplateSchema.index({ tenantId: 1, programId: 1 });
