import { DEFAULT_ENROLLMENTS_CONFIG, loadEnrollmentsConfig } from './enrollments-config';

describe('enrollments configuration', () => {
  it('sweeps every 30 s unless told otherwise', () => {
    expect(loadEnrollmentsConfig({})).toEqual({ RANK_LIST_FREEZE_INTERVAL_MS: 30_000 });
    expect(DEFAULT_ENROLLMENTS_CONFIG.RANK_LIST_FREEZE_INTERVAL_MS).toBe(30_000);
    // A blank value in an env file counts as unset.
    expect(loadEnrollmentsConfig({ RANK_LIST_FREEZE_INTERVAL_MS: ' ' })).toEqual({
      RANK_LIST_FREEZE_INTERVAL_MS: 30_000,
    });
  });

  it('takes an interval in milliseconds within bounds', () => {
    expect(loadEnrollmentsConfig({ RANK_LIST_FREEZE_INTERVAL_MS: '5000' })).toEqual({
      RANK_LIST_FREEZE_INTERVAL_MS: 5000,
    });
  });

  it.each(['abc', '999', '3600001', '1.5', '-1'])('refuses %p naming the variable', (value) => {
    expect(() => loadEnrollmentsConfig({ RANK_LIST_FREEZE_INTERVAL_MS: value })).toThrow(
      /RANK_LIST_FREEZE_INTERVAL_MS must be an integer between 1000 and 3600000/,
    );
  });
});
