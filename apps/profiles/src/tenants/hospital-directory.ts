// The hospitals and departments of a health system: pure rules, no I/O.

export interface UnitInput {
  id?: string;
  name: string;
}

export interface HospitalInput extends UnitInput {
  departments: UnitInput[];
}

export interface Unit {
  id: string;
  name: string;
}

export interface Hospital extends Unit {
  departments: Unit[];
}

export interface DirectoryIssue {
  /** Path inside the hospitals list, e.g. [1, 'departments', 0, 'id']. */
  path: (string | number)[];
  message: string;
}

const nameKey = (name: string): string => name.trim().toLocaleLowerCase('en-US');

/**
 * Ids must be unique across all hospitals and departments of the tenant (profiles refer to a
 * department by its id alone); names must be unique among siblings, ignoring case.
 */
export const hospitalDirectoryIssues = (hospitals: readonly HospitalInput[]): DirectoryIssue[] => {
  const issues: DirectoryIssue[] = [];
  const ids = new Set<string>();
  const claimId = (id: string | undefined, path: (string | number)[]) => {
    if (id === undefined) return;
    if (ids.has(id)) issues.push({ path: [...path, 'id'], message: `duplicate id ${id}` });
    ids.add(id);
  };
  const hospitalNames = new Set<string>();
  hospitals.forEach((hospital, h) => {
    claimId(hospital.id, [h]);
    if (hospitalNames.has(nameKey(hospital.name))) {
      issues.push({ path: [h, 'name'], message: 'another hospital has this name' });
    }
    hospitalNames.add(nameKey(hospital.name));
    const departmentNames = new Set<string>();
    hospital.departments.forEach((department, d) => {
      claimId(department.id, [h, 'departments', d]);
      if (departmentNames.has(nameKey(department.name))) {
        issues.push({
          path: [h, 'departments', d, 'name'],
          message: 'another department of this hospital has this name',
        });
      }
      departmentNames.add(nameKey(department.name));
    });
  });
  return issues;
};

/** Keeps the ids a client sent (existing units) and gives new units a fresh id. */
export const assignUnitIds = (
  hospitals: readonly HospitalInput[],
  newId: () => string,
): Hospital[] =>
  hospitals.map((hospital) => ({
    id: hospital.id ?? newId(),
    name: hospital.name,
    departments: hospital.departments.map((department) => ({
      id: department.id ?? newId(),
      name: department.name,
    })),
  }));
