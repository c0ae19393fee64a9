import type { NationalInstance } from '../national/national.types';

/** A matching by ids: applicant id -> program id (absent = unmatched). */
export type IdMatching = ReadonlyMap<string, string>;

/** Stability by definition, straight from the ids; shares no code with the engine. */
export function isStableByDefinition(inst: NationalInstance, matching: IdMatching): boolean {
  const programs = new Map(inst.programs.map((p) => [p.id, p]));
  const held = new Map<string, string[]>();
  for (const [a, p] of matching) {
    const applicant = inst.applicants.find((x) => x.id === a);
    const program = programs.get(p);
    if (!applicant || !program) return false;
    if (!applicant.ranks.includes(p) || !program.ranks.includes(a)) return false;
    held.set(p, [...(held.get(p) ?? []), a]);
  }
  for (const p of inst.programs) if ((held.get(p.id) ?? []).length > p.capacity) return false;
  for (const a of inst.applicants) {
    const current = matching.get(a.id);
    const better = current === undefined ? a.ranks : a.ranks.slice(0, a.ranks.indexOf(current));
    for (const pid of better) {
      const p = programs.get(pid);
      if (!p || !p.ranks.includes(a.id)) continue;
      const mine = held.get(pid) ?? [];
      if (mine.length < p.capacity) return false;
      if (mine.some((b) => p.ranks.indexOf(a.id) < p.ranks.indexOf(b))) return false;
    }
  }
  return true;
}

/** Every stable matching of a small instance, by enumerating all assignments. */
export function allStableMatchings(inst: NationalInstance): IdMatching[] {
  const result: IdMatching[] = [];
  const current = new Map<string, string>();
  const visit = (i: number): void => {
    if (i === inst.applicants.length) {
      if (isStableByDefinition(inst, current)) result.push(new Map(current));
      return;
    }
    const a = inst.applicants[i];
    visit(i + 1);
    for (const p of a.ranks) {
      current.set(a.id, p);
      visit(i + 1);
      current.delete(a.id);
    }
  };
  visit(0);
  return result;
}

/** Position of the match on the applicant's list; unmatched ranks below every program. */
export function applicantRankOf(
  inst: NationalInstance,
  matching: IdMatching,
  applicantId: string,
): number {
  const a = inst.applicants.find((x) => x.id === applicantId);
  const p = matching.get(applicantId);
  return a && p !== undefined ? a.ranks.indexOf(p) : Number.MAX_SAFE_INTEGER;
}
