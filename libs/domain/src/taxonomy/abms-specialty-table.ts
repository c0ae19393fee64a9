import type { AbmsBoardCode } from './abms-boards';

/**
 * A subspecialty certificate: its name, or its name and the boards that offer it when more
 * than the parent's board does. The first board listed is the one that administers it.
 */
export type AbmsSubspecialtyRow =
  string | readonly [name: string, boards: readonly AbmsBoardCode[]];

export interface AbmsSpecialtyRow {
  readonly name: string;
  readonly boards: readonly AbmsBoardCode[];
  readonly subspecialties: Readonly<Record<string, AbmsSubspecialtyRow>>;
}

// Boards that co-sponsor the certificates shared by many boards.
const HOSPICE = [
  'abim',
  'aba',
  'abem',
  'abfm',
  'abog',
  'abp',
  'abpmr',
  'abpn',
  'abr',
  'abs',
] as const;
const SLEEP = ['abim', 'aba', 'abfm', 'aboto', 'abp', 'abpn'] as const;
const PAIN = ['aba', 'abem', 'abfm', 'abpmr', 'abpn', 'abr'] as const;
const SPORTS = ['abfm', 'abem', 'abim', 'abp', 'abpmr'] as const;
const CRITICAL_CARE = ['abim', 'aba', 'abem', 'abog'] as const;
const NEUROCRITICAL_CARE = ['abpn', 'aba', 'abem', 'abim', 'abns'] as const;

/**
 * ABMS member-board specialty and subspecialty certificates (ABMS list as published for
 * 2025), one entry per primary specialty. A certificate shared by several boards appears
 * once, under the board that administers it. Keys are the stable codes; never rename one.
 */
export const ABMS_SPECIALTY_TABLE = {
  'allergy-and-immunology': {
    name: 'Allergy and Immunology',
    boards: ['abai'],
    subspecialties: {},
  },
  anesthesiology: {
    name: 'Anesthesiology',
    boards: ['aba'],
    subspecialties: {
      'adult-cardiac-anesthesiology': 'Adult Cardiac Anesthesiology',
      'pain-medicine': ['Pain Medicine', PAIN],
      'pediatric-anesthesiology': 'Pediatric Anesthesiology',
    },
  },
  'colon-and-rectal-surgery': {
    name: 'Colon and Rectal Surgery',
    boards: ['abcrs'],
    subspecialties: {},
  },
  dermatology: {
    name: 'Dermatology',
    boards: ['abd'],
    subspecialties: {
      'micrographic-dermatologic-surgery': 'Micrographic Dermatologic Surgery',
      'pediatric-dermatology': ['Pediatric Dermatology', ['abd', 'abp']],
    },
  },
  'emergency-medicine': {
    name: 'Emergency Medicine',
    boards: ['abem'],
    subspecialties: {
      'emergency-medical-services': 'Emergency Medical Services',
      'health-care-administration-leadership-and-management': [
        'Health Care Administration, Leadership, and Management',
        ['abem', 'abfm', 'abpm'],
      ],
      'medical-toxicology': ['Medical Toxicology', ['abem', 'abp', 'abpm']],
    },
  },
  'family-medicine': {
    name: 'Family Medicine',
    boards: ['abfm'],
    subspecialties: {
      'sports-medicine': ['Sports Medicine', SPORTS],
    },
  },
  'internal-medicine': {
    name: 'Internal Medicine',
    boards: ['abim'],
    subspecialties: {
      'adult-congenital-heart-disease': 'Adult Congenital Heart Disease',
      'advanced-heart-failure-and-transplant-cardiology':
        'Advanced Heart Failure and Transplant Cardiology',
      'cardiovascular-disease': 'Cardiovascular Disease',
      'clinical-cardiac-electrophysiology': 'Clinical Cardiac Electrophysiology',
      'critical-care-medicine': ['Critical Care Medicine', CRITICAL_CARE],
      'endocrinology-diabetes-and-metabolism': 'Endocrinology, Diabetes and Metabolism',
      gastroenterology: 'Gastroenterology',
      'geriatric-medicine': ['Geriatric Medicine', ['abim', 'abfm']],
      hematology: 'Hematology',
      'hospice-and-palliative-medicine': ['Hospice and Palliative Medicine', HOSPICE],
      'infectious-disease': 'Infectious Disease',
      'interventional-cardiology': 'Interventional Cardiology',
      'medical-oncology': 'Medical Oncology',
      nephrology: 'Nephrology',
      'pulmonary-disease': 'Pulmonary Disease',
      rheumatology: 'Rheumatology',
      'sleep-medicine': ['Sleep Medicine', SLEEP],
      'transplant-hepatology': 'Transplant Hepatology',
    },
  },
  'medical-genetics-and-genomics': {
    name: 'Medical Genetics and Genomics',
    boards: ['abmgg'],
    subspecialties: {
      'medical-biochemical-genetics': 'Medical Biochemical Genetics',
    },
  },
  'neurological-surgery': { name: 'Neurological Surgery', boards: ['abns'], subspecialties: {} },
  'nuclear-medicine': { name: 'Nuclear Medicine', boards: ['abnm'], subspecialties: {} },
  'obstetrics-and-gynecology': {
    name: 'Obstetrics and Gynecology',
    boards: ['abog'],
    subspecialties: {
      'complex-family-planning': 'Complex Family Planning',
      'gynecologic-oncology': 'Gynecologic Oncology',
      'maternal-fetal-medicine': 'Maternal-Fetal Medicine',
      'reproductive-endocrinology-and-infertility': 'Reproductive Endocrinology and Infertility',
      'urogynecology-and-reconstructive-pelvic-surgery': [
        'Urogynecology and Reconstructive Pelvic Surgery',
        ['abog', 'abu'],
      ],
    },
  },
  ophthalmology: { name: 'Ophthalmology', boards: ['abo'], subspecialties: {} },
  'orthopaedic-surgery': {
    name: 'Orthopaedic Surgery',
    boards: ['abos'],
    subspecialties: {
      'orthopaedic-sports-medicine': 'Orthopaedic Sports Medicine',
      'surgery-of-the-hand': ['Surgery of the Hand', ['abos', 'abps', 'abs']],
    },
  },
  'otolaryngology-head-and-neck-surgery': {
    name: 'Otolaryngology – Head and Neck Surgery',
    boards: ['aboto'],
    subspecialties: {
      'complex-pediatric-otolaryngology': 'Complex Pediatric Otolaryngology',
      neurotology: 'Neurotology',
    },
  },
  pathology: {
    name: 'Pathology',
    boards: ['abpath'],
    subspecialties: {
      'blood-banking-transfusion-medicine': 'Blood Banking/Transfusion Medicine',
      'chemical-pathology': 'Chemical Pathology',
      cytopathology: 'Cytopathology',
      dermatopathology: ['Dermatopathology', ['abpath', 'abd']],
      'forensic-pathology': 'Forensic Pathology',
      hematopathology: 'Hematopathology',
      'medical-microbiology': 'Medical Microbiology',
      'molecular-genetic-pathology': ['Molecular Genetic Pathology', ['abpath', 'abmgg']],
      neuropathology: 'Neuropathology',
      'pediatric-pathology': 'Pediatric Pathology',
    },
  },
  pediatrics: {
    name: 'Pediatrics',
    boards: ['abp'],
    subspecialties: {
      'adolescent-medicine': ['Adolescent Medicine', ['abp', 'abfm', 'abim']],
      'child-abuse-pediatrics': 'Child Abuse Pediatrics',
      'developmental-behavioral-pediatrics': 'Developmental-Behavioral Pediatrics',
      'neonatal-perinatal-medicine': 'Neonatal-Perinatal Medicine',
      'neurodevelopmental-disabilities': ['Neurodevelopmental Disabilities', ['abp', 'abpn']],
      'pediatric-cardiology': 'Pediatric Cardiology',
      'pediatric-critical-care-medicine': 'Pediatric Critical Care Medicine',
      'pediatric-emergency-medicine': ['Pediatric Emergency Medicine', ['abp', 'abem']],
      'pediatric-endocrinology': 'Pediatric Endocrinology',
      'pediatric-gastroenterology': 'Pediatric Gastroenterology',
      'pediatric-hematology-oncology': 'Pediatric Hematology-Oncology',
      'pediatric-hospital-medicine': 'Pediatric Hospital Medicine',
      'pediatric-infectious-diseases': 'Pediatric Infectious Diseases',
      'pediatric-nephrology': 'Pediatric Nephrology',
      'pediatric-pulmonology': 'Pediatric Pulmonology',
      'pediatric-rheumatology': 'Pediatric Rheumatology',
      'pediatric-transplant-hepatology': 'Pediatric Transplant Hepatology',
    },
  },
  'physical-medicine-and-rehabilitation': {
    name: 'Physical Medicine and Rehabilitation',
    boards: ['abpmr'],
    subspecialties: {
      'brain-injury-medicine': ['Brain Injury Medicine', ['abpmr', 'abpn']],
      'pediatric-rehabilitation-medicine': 'Pediatric Rehabilitation Medicine',
      'spinal-cord-injury-medicine': 'Spinal Cord Injury Medicine',
    },
  },
  'plastic-surgery': {
    name: 'Plastic Surgery',
    boards: ['abps'],
    subspecialties: {
      'plastic-surgery-within-the-head-and-neck': [
        'Plastic Surgery Within the Head and Neck',
        ['abps', 'aboto'],
      ],
    },
  },
  'aerospace-medicine': { name: 'Aerospace Medicine', boards: ['abpm'], subspecialties: {} },
  'occupational-medicine': { name: 'Occupational Medicine', boards: ['abpm'], subspecialties: {} },
  'public-health-and-general-preventive-medicine': {
    name: 'Public Health and General Preventive Medicine',
    boards: ['abpm'],
    subspecialties: {
      'addiction-medicine': 'Addiction Medicine',
      'clinical-informatics': ['Clinical Informatics', ['abpm', 'abpath']],
      'undersea-and-hyperbaric-medicine': ['Undersea and Hyperbaric Medicine', ['abpm', 'abem']],
    },
  },
  psychiatry: {
    name: 'Psychiatry',
    boards: ['abpn'],
    subspecialties: {
      'addiction-psychiatry': 'Addiction Psychiatry',
      'child-and-adolescent-psychiatry': 'Child and Adolescent Psychiatry',
      'consultation-liaison-psychiatry': 'Consultation-Liaison Psychiatry',
      'forensic-psychiatry': 'Forensic Psychiatry',
      'geriatric-psychiatry': 'Geriatric Psychiatry',
    },
  },
  neurology: {
    name: 'Neurology',
    boards: ['abpn'],
    subspecialties: {
      'clinical-neurophysiology': 'Clinical Neurophysiology',
      epilepsy: 'Epilepsy',
      'neurocritical-care': ['Neurocritical Care', NEUROCRITICAL_CARE],
      'neuromuscular-medicine': ['Neuromuscular Medicine', ['abpn', 'abpmr']],
      'vascular-neurology': 'Vascular Neurology',
    },
  },
  'child-neurology': {
    name: 'Neurology with Special Qualification in Child Neurology',
    boards: ['abpn'],
    subspecialties: {},
  },
  'diagnostic-radiology': {
    name: 'Diagnostic Radiology',
    boards: ['abr'],
    subspecialties: {
      neuroradiology: 'Neuroradiology',
      'nuclear-radiology': 'Nuclear Radiology',
      'pediatric-radiology': 'Pediatric Radiology',
      'vascular-and-interventional-radiology': 'Vascular and Interventional Radiology',
    },
  },
  'interventional-radiology': {
    name: 'Interventional Radiology and Diagnostic Radiology',
    boards: ['abr'],
    subspecialties: {},
  },
  'radiation-oncology': { name: 'Radiation Oncology', boards: ['abr'], subspecialties: {} },
  surgery: {
    name: 'Surgery',
    boards: ['abs'],
    subspecialties: {
      'complex-general-surgical-oncology': 'Complex General Surgical Oncology',
      'pediatric-surgery': 'Pediatric Surgery',
      'surgical-critical-care': 'Surgical Critical Care',
    },
  },
  'vascular-surgery': { name: 'Vascular Surgery', boards: ['abs'], subspecialties: {} },
  'thoracic-and-cardiac-surgery': {
    name: 'Thoracic and Cardiac Surgery',
    boards: ['abts'],
    subspecialties: {
      'congenital-cardiac-surgery': 'Congenital Cardiac Surgery',
    },
  },
  urology: {
    name: 'Urology',
    boards: ['abu'],
    subspecialties: {
      'pediatric-urology': 'Pediatric Urology',
    },
  },
} as const satisfies Readonly<Record<string, AbmsSpecialtyRow>>;
