import { z } from 'zod';
import { envInt, envUrl, formatConfigErrors, parseConfig } from '@medmentor/platform';

/** Scheduling's own variables (the shared ones are read by @medmentor/runtime). */
export const schedulingConfigSchema = z.object({
  /** Meetings get `<base>/<meeting id>` as their video link. */
  SCHEDULING_VIDEO_BASE_URL: envUrl(['https:', 'http:']).default('https://meet.medmentor.example/'),
  /** Where clients reach this service: calendar feed URLs are built on it. */
  SCHEDULING_PUBLIC_BASE_URL: envUrl(['https:', 'http:']).default('http://localhost:3003'),
  SCHEDULING_KICKOFF_MINUTES: envInt(60, { min: 15, max: 240 }),
  SCHEDULING_CHECK_IN_MINUTES: envInt(45, { min: 15, max: 240 }),
  /** The kickoff is never sooner than this after activation. */
  SCHEDULING_MIN_NOTICE_HOURS: envInt(24, { min: 0, max: 336 }),
  /** Check-ins are created this far ahead; later ones are added as time passes. */
  SCHEDULING_HORIZON_DAYS: envInt(180, { min: 14, max: 1100 }),
  /** A check-in is overdue this many days after its cadence interval. */
  SCHEDULING_OVERDUE_GRACE_DAYS: envInt(7, { min: 0, max: 90 }),
  /** How often the time-driven work runs (reminders, overdue check-ins, health, milestones). */
  SCHEDULING_TICK_INTERVAL_MS: envInt(30_000, { min: 100, max: 3_600_000 }),
  /** false disables the timer (tests drive `tick()` themselves). */
  SCHEDULING_TIMERS_ENABLED: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default('true')
    .transform((value) => value === 'true'),
  /**
   * Test only: the service's clock starts at this instant (then runs at real speed), so an
   * end-to-end suite reaches reminder times without waiting. Refused with NODE_ENV=production.
   */
  SCHEDULING_CLOCK_START: z.iso
    .datetime({ offset: true, error: 'must be an RFC 3339 date-time with offset' })
    .transform((value) => new Date(value))
    .optional(),
  NODE_ENV: z.string().optional(),
});

/** The schema with the rules across variables that boot enforces. */
const bootSchema = schedulingConfigSchema.refine(
  (config) => !(config.NODE_ENV === 'production' && config.SCHEDULING_CLOCK_START),
  {
    path: ['SCHEDULING_CLOCK_START'],
    message: 'is for tests and is refused when NODE_ENV is production',
  },
);

export type SchedulingConfig = z.output<typeof schedulingConfigSchema>;

export const SCHEDULING_CONFIG = Symbol('SCHEDULING_CONFIG');

/** Validated at boot: a bad variable stops the service with its name and the reason. */
export const loadSchedulingConfig = (env: NodeJS.ProcessEnv = process.env): SchedulingConfig => {
  const result = parseConfig(bootSchema, env);
  if (!result.ok) throw new Error(formatConfigErrors(result.errors, 'scheduling'));
  return result.config;
};
