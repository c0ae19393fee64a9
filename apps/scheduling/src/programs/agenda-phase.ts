import type { CadencePhase } from '@medmentor/contracts';

/** The phases a program can give an agenda template for. */
export const AGENDA_PHASES = [
  'kickoff',
  'job-search',
  'weekly',
  'biweekly',
  'monthly',
  'quarterly',
  'check-in',
] as const;
export type AgendaPhase = (typeof AGENDA_PHASES)[number];

const BY_INTERVAL: Record<CadencePhase['every'], AgendaPhase> = {
  week: 'weekly',
  'two-weeks': 'biweekly',
  month: 'monthly',
  quarter: 'quarterly',
};

/**
 * The templates that may prefill a meeting, most specific first: the kickoff has its own;
 * a check-in takes its cadence phase's condition (`while: job-searching` → `job-search`),
 * then its interval (`quarterly`...), then the generic `check-in`.
 */
export const agendaPhasesFor = (
  meeting: { kind: 'kickoff' } | { kind: 'check-in'; phase?: CadencePhase },
): AgendaPhase[] => {
  if (meeting.kind === 'kickoff') return ['kickoff'];
  const phase = meeting.phase;
  return [
    ...(phase?.while === 'job-searching' ? (['job-search'] as const) : []),
    ...(phase ? [BY_INTERVAL[phase.every]] : []),
    'check-in',
  ];
};

/** The first template found in that order, or none. */
export const pickTemplate = <T extends { phase: AgendaPhase }>(
  templates: readonly T[],
  phases: readonly AgendaPhase[],
): T | undefined => {
  for (const phase of phases) {
    const found = templates.find((t) => t.phase === phase);
    if (found) return found;
  }
  return undefined;
};
