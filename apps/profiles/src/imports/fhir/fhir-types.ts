// The parts of FHIR R4 resources the import reads; everything else is ignored.
export interface Coding {
  system?: string;
  code?: string;
  display?: string;
}

export interface CodeableConcept {
  coding?: Coding[];
  text?: string;
}

export interface Reference {
  reference?: string;
  display?: string;
}

export interface Practitioner {
  resourceType: 'Practitioner';
  id?: string;
  active?: boolean;
  identifier?: { system?: string; value?: string }[];
  name?: { use?: string; family?: string; given?: string[]; text?: string }[];
  telecom?: { system?: string; value?: string; use?: string }[];
  address?: { city?: string; state?: string; country?: string }[];
  communication?: CodeableConcept[];
}

export interface PractitionerRole {
  resourceType: 'PractitionerRole';
  id?: string;
  active?: boolean;
  practitioner?: Reference;
  organization?: Reference;
  specialty?: CodeableConcept[];
  location?: Reference[];
}

export interface Bundle {
  resourceType: 'Bundle';
  type?: string;
  entry?: { fullUrl?: string; resource?: { resourceType?: string; id?: string } }[];
}
