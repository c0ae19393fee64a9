import { z } from 'zod';

/** Professional interests used to pair mentees and mentors. */
export const INTERESTS = [
  'research',
  'quality-improvement-patient-safety',
  'education',
  'leadership',
  'health-policy',
  'digital-health',
  'entrepreneurship',
  'wellness',
  'global-health',
  'diversity-equity-inclusion',
  'advocacy',
  'clinical-excellence',
] as const;

export const interestSchema = z.enum(INTERESTS);

export type Interest = z.infer<typeof interestSchema>;
