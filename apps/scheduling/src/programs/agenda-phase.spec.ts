import { agendaPhasesFor, pickTemplate, type AgendaPhase } from './agenda-phase';

const templates = (...phases: AgendaPhase[]) => phases.map((phase) => ({ phase, items: [phase] }));

describe('agenda template of a meeting', () => {
  it('gives the kickoff only the kickoff template', () => {
    expect(agendaPhasesFor({ kind: 'kickoff' })).toEqual(['kickoff']);
    expect(pickTemplate(templates('check-in', 'monthly'), ['kickoff'])).toBeUndefined();
  });

  it('prefers the job-search template in a while: job-searching phase, then the interval, then check-in', () => {
    const phases = agendaPhasesFor({
      kind: 'check-in',
      phase: { every: 'month', while: 'job-searching' },
    });
    expect(phases).toEqual(['job-search', 'monthly', 'check-in']);
    expect(pickTemplate(templates('check-in', 'monthly', 'job-search'), phases)?.phase).toBe(
      'job-search',
    );
    expect(pickTemplate(templates('check-in', 'monthly'), phases)?.phase).toBe('monthly');
    expect(pickTemplate(templates('check-in'), phases)?.phase).toBe('check-in');
  });

  it('maps each cadence interval to its template and falls back to check-in without a phase', () => {
    expect(agendaPhasesFor({ kind: 'check-in', phase: { every: 'quarter' } })[0]).toBe('quarterly');
    expect(agendaPhasesFor({ kind: 'check-in', phase: { every: 'two-weeks' } })[0]).toBe(
      'biweekly',
    );
    expect(agendaPhasesFor({ kind: 'check-in', phase: { every: 'week' } })[0]).toBe('weekly');
    expect(agendaPhasesFor({ kind: 'check-in' })).toEqual(['check-in']);
  });
});
