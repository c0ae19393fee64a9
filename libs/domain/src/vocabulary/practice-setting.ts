import { z } from 'zod';

/** Practice setting, on three independent axes. */
export const PRACTICE_SETTINGS = {
  model: ['academic', 'community', 'hybrid'],
  geography: ['urban', 'suburban', 'rural'],
  care: ['inpatient', 'outpatient', 'mixed'],
} as const;

export const practiceModelSchema = z.enum(PRACTICE_SETTINGS.model);
export const practiceGeographySchema = z.enum(PRACTICE_SETTINGS.geography);
export const practiceCareSchema = z.enum(PRACTICE_SETTINGS.care);

/** Where a physician practises; an axis is left out when unknown or not applicable. */
export const practiceSettingSchema = z.strictObject({
  model: practiceModelSchema.optional(),
  geography: practiceGeographySchema.optional(),
  care: practiceCareSchema.optional(),
});

export type PracticeModel = z.infer<typeof practiceModelSchema>;
export type PracticeGeography = z.infer<typeof practiceGeographySchema>;
export type PracticeCare = z.infer<typeof practiceCareSchema>;
export type PracticeSetting = z.infer<typeof practiceSettingSchema>;
