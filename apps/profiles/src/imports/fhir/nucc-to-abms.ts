import type { SpecialtyCode } from '@medmentor/domain';

/** Code system of the NUCC Health Care Provider Taxonomy, as hospital directories use it. */
export const NUCC_SYSTEM = 'http://nucc.org/provider-taxonomy';
/** Our own code system: an ABMS-based specialty code of @medmentor/domain. */
export const MEDMENTOR_SPECIALTY_SYSTEM = 'https://medmentor.app/fhir/specialty';

/**
 * NUCC allopathic and osteopathic physician taxonomy codes mapped to the ABMS-based codes
 * of @medmentor/domain. Only codes with an unambiguous counterpart are listed; the rest are
 * reported as unmapped rather than guessed.
 */
export const NUCC_TO_SPECIALTY: Readonly<Record<string, SpecialtyCode>> = {
  '207K00000X': 'allergy-and-immunology',
  '207L00000X': 'anesthesiology',
  '208C00000X': 'colon-and-rectal-surgery',
  '207N00000X': 'dermatology',
  '207P00000X': 'emergency-medicine',
  '207Q00000X': 'family-medicine',
  '207R00000X': 'internal-medicine',
  '207RC0000X': 'internal-medicine.cardiovascular-disease',
  '207RC0001X': 'internal-medicine.clinical-cardiac-electrophysiology',
  '207RC0200X': 'internal-medicine.critical-care-medicine',
  '207RE0101X': 'internal-medicine.endocrinology-diabetes-and-metabolism',
  '207RG0100X': 'internal-medicine.gastroenterology',
  '207RG0300X': 'internal-medicine.geriatric-medicine',
  '207RH0000X': 'internal-medicine.hematology',
  '207RI0011X': 'internal-medicine.interventional-cardiology',
  '207RI0200X': 'internal-medicine.infectious-disease',
  '207RN0300X': 'internal-medicine.nephrology',
  '207RP1001X': 'internal-medicine.pulmonary-disease',
  '207RR0500X': 'internal-medicine.rheumatology',
  '207RX0202X': 'internal-medicine.medical-oncology',
  '207T00000X': 'neurological-surgery',
  '207U00000X': 'nuclear-medicine',
  '207V00000X': 'obstetrics-and-gynecology',
  '207W00000X': 'ophthalmology',
  '207X00000X': 'orthopaedic-surgery',
  '207Y00000X': 'otolaryngology-head-and-neck-surgery',
  '207ZP0102X': 'pathology',
  '208000000X': 'pediatrics',
  '208100000X': 'physical-medicine-and-rehabilitation',
  '208200000X': 'plastic-surgery',
  '2083A0100X': 'aerospace-medicine',
  '2083P0901X': 'public-health-and-general-preventive-medicine',
  '2083X0100X': 'occupational-medicine',
  '2084N0400X': 'neurology',
  '2084N0402X': 'child-neurology',
  '2084P0800X': 'psychiatry',
  '2085R0001X': 'radiation-oncology',
  '2085R0202X': 'diagnostic-radiology',
  '208600000X': 'surgery',
  '2086S0129X': 'vascular-surgery',
  '208G00000X': 'thoracic-and-cardiac-surgery',
  '208800000X': 'urology',
};
