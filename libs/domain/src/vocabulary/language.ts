import { z } from 'zod';

// BCP 47 primary language subtag: ISO 639-1 (two letters) or ISO 639-2/3 (three), lowercase.
// Only the shape is checked; region and script subtags ("en-US", "zh-Hant") are refused.
const PRIMARY_LANGUAGE_SUBTAG = /^[a-z]{2,3}$/;

export const isLanguageCode = (value: unknown): value is string =>
  typeof value === 'string' && PRIMARY_LANGUAGE_SUBTAG.test(value);

export const languageSchema = z.string().regex(PRIMARY_LANGUAGE_SUBTAG, {
  error:
    'Expected a BCP 47 primary language subtag: 2-3 lowercase letters such as "en", "es", "zh"',
});

export type LanguageCode = z.infer<typeof languageSchema>;
