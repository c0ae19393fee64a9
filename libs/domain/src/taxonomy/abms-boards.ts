import { z } from 'zod';

/** The 24 ABMS member boards, keyed by their usual abbreviation. */
export const ABMS_BOARDS = {
  abai: 'American Board of Allergy and Immunology',
  aba: 'American Board of Anesthesiology',
  abcrs: 'American Board of Colon and Rectal Surgery',
  abd: 'American Board of Dermatology',
  abem: 'American Board of Emergency Medicine',
  abfm: 'American Board of Family Medicine',
  abim: 'American Board of Internal Medicine',
  abmgg: 'American Board of Medical Genetics and Genomics',
  abns: 'American Board of Neurological Surgery',
  abnm: 'American Board of Nuclear Medicine',
  abog: 'American Board of Obstetrics and Gynecology',
  abo: 'American Board of Ophthalmology',
  abos: 'American Board of Orthopaedic Surgery',
  aboto: 'American Board of Otolaryngology – Head and Neck Surgery',
  abpath: 'American Board of Pathology',
  abp: 'American Board of Pediatrics',
  abpmr: 'American Board of Physical Medicine and Rehabilitation',
  abps: 'American Board of Plastic Surgery',
  abpm: 'American Board of Preventive Medicine',
  abpn: 'American Board of Psychiatry and Neurology',
  abr: 'American Board of Radiology',
  abs: 'American Board of Surgery',
  abts: 'American Board of Thoracic Surgery',
  abu: 'American Board of Urology',
} as const;

export type AbmsBoardCode = keyof typeof ABMS_BOARDS;

export const ABMS_BOARD_CODES = Object.keys(ABMS_BOARDS) as [AbmsBoardCode, ...AbmsBoardCode[]];

export const abmsBoardCodeSchema = z.enum(ABMS_BOARD_CODES);
