import type { AssignmentInstance, NationalInstance } from '@medmentor/matching-engine';
import { InputError } from './input-error';
import { asArray, asCount, asFiniteNumber, asId, asObject, IdSpace } from './json-reader';

export interface ParsedNational {
  readonly kind: 'national';
  readonly instance: NationalInstance;
  readonly applicantIds: IdSpace;
  readonly programIds: IdSpace;
}

export interface ParsedAssignment {
  readonly kind: 'assignment';
  readonly instance: AssignmentInstance;
  readonly menteeIds: IdSpace;
  readonly mentorIds: IdSpace;
}

export type ParsedInstance = ParsedNational | ParsedAssignment;

/** Reads either kind of instance, telling them apart by their keys. */
export function parseInstance(json: unknown): ParsedInstance {
  const root = asObject(json, 'the instance');
  if ('applicants' in root || 'programs' in root) return parseNational(root);
  if ('mentees' in root || 'mentors' in root || 'scores' in root) return parseAssignment(root);
  throw new InputError(
    'the instance has neither "applicants"/"programs" (national) nor "mentees"/"mentors"/"scores" (assignment)',
  );
}

export function parseNational(json: unknown): ParsedNational {
  const root = asObject(json, 'the instance');
  const applicantIds = new IdSpace('applicant');
  const programIds = new IdSpace('program');
  // Hot path at national scale (a million entries): lists of non-empty strings are used as they
  // are; anything else is converted entry by entry, with a path only for a bad entry.
  const ranks = (value: unknown, path: string): readonly string[] => {
    const list = asArray(value, path);
    let k = 0;
    while (k < list.length && typeof list[k] === 'string' && (list[k] as string).length > 0) k++;
    if (k === list.length) return list as readonly string[];
    return list.map((id, at) => String(asId(id, `${path}[${at}]`)));
  };
  const applicants = asArray(root.applicants, 'applicants').map((value, i) => {
    const path = `applicants[${i}]`;
    const a = asObject(value, path);
    return {
      id: applicantIds.declare(asId(a.id, `${path}.id`), `${path}.id`),
      ranks: ranks(a.ranks, `${path}.ranks`),
    };
  });
  const programs = asArray(root.programs, 'programs').map((value, p) => {
    const path = `programs[${p}]`;
    const x = asObject(value, path);
    return {
      id: programIds.declare(asId(x.id, `${path}.id`), `${path}.id`),
      capacity: asCount(x.capacity, `${path}.capacity`),
      ranks: ranks(x.ranks, `${path}.ranks`),
    };
  });
  return { kind: 'national', instance: { applicants, programs }, applicantIds, programIds };
}

export function parseAssignment(json: unknown): ParsedAssignment {
  const root = asObject(json, 'the instance');
  const menteeIds = new IdSpace('mentee');
  const mentorIds = new IdSpace('mentor');
  const mentees = asArray(root.mentees, 'mentees').map((value, i) => {
    const path = `mentees[${i}]`;
    return { id: menteeIds.declare(asId(asObject(value, path).id, `${path}.id`), `${path}.id`) };
  });
  const mentors = asArray(root.mentors, 'mentors').map((value, j) => {
    const path = `mentors[${j}]`;
    const m = asObject(value, path);
    return {
      id: mentorIds.declare(asId(m.id, `${path}.id`), `${path}.id`),
      capacity: asCount(m.capacity, `${path}.capacity`),
    };
  });
  const scores = asArray(root.scores, 'scores').map((value, k) => {
    const path = `scores[${k}]`;
    const s = asObject(value, path);
    return {
      mentee: String(asId(s.mentee, `${path}.mentee`)),
      mentor: String(asId(s.mentor, `${path}.mentor`)),
      score: asFiniteNumber(s.score, `${path}.score`),
    };
  });
  return { kind: 'assignment', instance: { mentees, mentors, scores }, menteeIds, mentorIds };
}
