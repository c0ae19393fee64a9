import type { CareerStage } from '@medmentor/domain';
import { validateImportRow, type ImportRow } from '../import-row';
import type { Bundle, CodeableConcept, Practitioner, PractitionerRole } from './fhir-types';
import { MEDMENTOR_SPECIALTY_SYSTEM, NUCC_SYSTEM, NUCC_TO_SPECIALTY } from './nucc-to-abms';

export const US_NPI_SYSTEM = 'http://hl7.org/fhir/sid/us-npi';

export interface FhirImportOptions {
  /** Directories carry no time zone: the tenant's default is used. */
  defaultTimeZone: string;
  /** Directories carry no training stage: most listed physicians are attendings. */
  defaultCareerStage: CareerStage;
}

export class FhirBundleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FhirBundleError';
  }
}

const specialtiesOf = (concepts: CodeableConcept[] = []): string[] =>
  concepts.flatMap((concept) =>
    (concept.coding ?? []).flatMap((coding) => {
      if (coding.system === MEDMENTOR_SPECIALTY_SYSTEM && coding.code) return [coding.code];
      if (coding.system === NUCC_SYSTEM && coding.code) {
        const mapped = NUCC_TO_SPECIALTY[coding.code];
        return mapped ? [mapped] : [`unmapped NUCC code ${coding.code}`];
      }
      return [];
    }),
  );

const languageOf = (concept: CodeableConcept): string | undefined => {
  const code = concept.coding?.find((c) => c.code)?.code;
  return code?.split('-')[0]?.toLowerCase();
};

/** The primary role is the first active one with a specialty. */
const primaryRole = (roles: PractitionerRole[]): PractitionerRole | undefined =>
  roles.find((role) => role.active !== false && (role.specialty?.length ?? 0) > 0) ?? roles[0];

/** Builds the candidate profile of one practitioner and its roles (validated by the caller). */
export const practitionerToInput = (
  practitioner: Practitioner,
  roles: PractitionerRole[],
  options: FhirImportOptions,
): Record<string, unknown> => {
  const name = practitioner.name?.find((n) => n.use === 'official') ?? practitioner.name?.[0];
  const email = practitioner.telecom?.find((t) => t.system === 'email')?.value;
  const phone = practitioner.telecom?.find(
    (t) => t.system === 'phone' && t.value?.startsWith('+'),
  )?.value;
  const npi = practitioner.identifier?.find((i) => i.system === US_NPI_SYSTEM)?.value;
  const role = primaryRole(roles);
  const [specialty, subspecialty] = specialtiesOf(role?.specialty);
  const address = practitioner.address?.[0];
  const languages = [
    ...new Set((practitioner.communication ?? []).map(languageOf).filter((l) => l !== undefined)),
  ];
  const candidate: Record<string, unknown> = {
    givenName: name?.given?.join(' '),
    familyName: name?.family,
    email,
    phone,
    npi,
    specialty,
    subspecialty,
    careerStage: options.defaultCareerStage,
    institution: role?.organization?.display,
    department: role?.location?.[0]?.display,
    location: address?.country
      ? { city: address.city, region: address.state, country: address.country.toUpperCase() }
      : undefined,
    timeZone: options.defaultTimeZone,
    languages: languages.length > 0 ? languages : undefined,
  };
  return JSON.parse(JSON.stringify(candidate)) as Record<string, unknown>;
};

/**
 * Maps a FHIR R4 Bundle of Practitioner and PractitionerRole resources (what hospital
 * directories export) to validated profiles, one per practitioner, with the entry index
 * as its line. Inactive practitioners are left out.
 */
export const mapPractitionerBundle = (bundle: unknown, options: FhirImportOptions): ImportRow[] => {
  if (
    typeof bundle !== 'object' ||
    bundle === null ||
    (bundle as Bundle).resourceType !== 'Bundle'
  ) {
    throw new FhirBundleError('not a FHIR Bundle (resourceType must be "Bundle")');
  }
  const entries = (bundle as Bundle).entry ?? [];
  const practitioners: { index: number; resource: Practitioner }[] = [];
  const rolesByPractitioner = new Map<string, PractitionerRole[]>();
  entries.forEach((entry, index) => {
    const resource = entry.resource;
    if (resource?.resourceType === 'Practitioner')
      practitioners.push({ index, resource: resource as Practitioner });
    if (resource?.resourceType === 'PractitionerRole') {
      const ref = (resource as PractitionerRole).practitioner?.reference;
      const id = ref?.startsWith('Practitioner/') ? ref.slice('Practitioner/'.length) : ref;
      if (id)
        rolesByPractitioner.set(id, [
          ...(rolesByPractitioner.get(id) ?? []),
          resource as PractitionerRole,
        ]);
    }
  });
  return practitioners
    .filter(({ resource }) => resource.active !== false)
    .map(({ index, resource }) => {
      const roles = resource.id ? (rolesByPractitioner.get(resource.id) ?? []) : [];
      return validateImportRow(index, practitionerToInput(resource, roles, options));
    });
};
