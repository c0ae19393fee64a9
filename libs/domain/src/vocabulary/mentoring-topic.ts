import { z } from 'zod';

/**
 * What mentoring is about. A mentee picks the topics they want help with (their goals for a
 * program); a mentor picks the topics they can help with (their strengths). Matching scores
 * the overlap. The free-text goals of a profile stay private; these codes are what an
 * enrollment shares.
 */
export const MENTORING_TOPICS = [
  'clinical-skills',
  'procedural-skills',
  'board-preparation',
  'fellowship-application',
  'job-search',
  'contract-negotiation',
  'academic-promotion',
  'research-career',
  'grant-writing',
  'publishing',
  'teaching',
  'leadership-development',
  'practice-management',
  'career-transition',
  'work-life-integration',
  'burnout-prevention',
  'parenthood-and-family',
  'international-medical-graduate',
  'underrepresented-in-medicine',
  'physician-advocacy',
] as const;

export const mentoringTopicSchema = z.enum(MENTORING_TOPICS);

export type MentoringTopic = z.infer<typeof mentoringTopicSchema>;
