import { MATCHING_MODES, PROGRAM_STATUSES } from '@medmentor/contracts';
import {
  allowedActions,
  announcesChanges,
  editability,
  PROGRAM_ACTIONS,
  transition,
} from './program-lifecycle';

describe('program lifecycle', () => {
  it('walks a cohort program through draft → open → matching → active → closed', () => {
    expect(transition('draft', 'publish', 'cohort')).toEqual({ ok: true, to: 'open' });
    expect(transition('open', 'start-matching', 'cohort')).toEqual({ ok: true, to: 'matching' });
    expect(transition('matching', 'activate', 'cohort')).toEqual({ ok: true, to: 'active' });
    expect(transition('active', 'close', 'cohort')).toEqual({ ok: true, to: 'closed' });
  });

  it('lets a self-match program go from open to active, with no matching step', () => {
    expect(transition('open', 'activate', 'self-match')).toEqual({ ok: true, to: 'active' });
    expect(transition('open', 'start-matching', 'self-match')).toEqual({
      ok: false,
      reason: 'a self-match program has no start-matching step',
    });
    expect(allowedActions('open', 'self-match')).toEqual(['activate', 'close']);
    expect(allowedActions('open', 'national-ranked')).toEqual(['start-matching', 'close']);
  });

  it('refuses every transition not in the table, with a reason', () => {
    expect(transition('draft', 'activate', 'cohort')).toEqual({
      ok: false,
      reason: 'activate needs a program that is matching, this one is draft',
    });
    expect(transition('open', 'publish', 'cohort')).toEqual({
      ok: false,
      reason: 'publish needs a program that is draft, this one is open',
    });
    expect(transition('draft', 'close', 'cohort').ok).toBe(false);
    expect(transition('closed', 'close', 'cohort').ok).toBe(false);
  });

  it('allows nothing after closed and exactly one way forward from draft', () => {
    for (const mode of MATCHING_MODES) {
      expect(allowedActions('closed', mode)).toEqual([]);
      expect(allowedActions('draft', mode)).toEqual(['publish']);
    }
  });

  it('never moves a program backwards', () => {
    const order = (status: string) => PROGRAM_STATUSES.indexOf(status as never);
    for (const mode of MATCHING_MODES) {
      for (const status of PROGRAM_STATUSES) {
        for (const action of PROGRAM_ACTIONS) {
          const result = transition(status, action, mode);
          if (result.ok) expect(order(result.to)).toBeGreaterThan(order(status));
        }
      }
    }
  });

  it('edits drafts freely, locks some fields once published, freezes closed programs', () => {
    expect(editability('draft')).toBe('all');
    expect(editability('open')).toBe('unlocked-fields');
    expect(editability('active')).toBe('unlocked-fields');
    expect(editability('closed')).toBe('none');
    expect(announcesChanges('draft')).toBe(false);
    expect(announcesChanges('matching')).toBe(true);
  });
});
