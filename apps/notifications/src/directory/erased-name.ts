/** How messages name a physician who was erased (or is not known here). */
export const FORMER_PARTICIPANT = 'a former participant';

// What a rendered subject makes of line breaks and control characters (template-engine).
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]+/g;

/** The forms a display name takes in rendered text: as typed, and as a subject shows it. */
export const nameForms = (name: string): string[] => {
  const forms = [name, name.replace(CONTROL_CHARACTERS, ' ').trim()].filter(
    (form) => form.length > 0,
  );
  return [...new Set(forms)];
};

/** `text` with every form of `name` replaced by the neutral placeholder. */
export const redactName = (text: string, name: string): string =>
  nameForms(name).reduce((out, form) => out.split(form).join(FORMER_PARTICIPANT), text);

/** Every string inside a JSON document with `name` redacted (keys are left as they are). */
export const redactNameInJson = (json: string, name: string): string => {
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return redactName(value, name);
    if (Array.isArray(value)) return value.map(walk);
    if (value !== null && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, walk(inner)]));
    return value;
  };
  return JSON.stringify(walk(JSON.parse(json)));
};

/** A pattern that finds any form of `name` in text or in JSON (where it is escaped). */
export const namePattern = (name: string): RegExp => {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const forms = nameForms(name).flatMap((form) => [form, JSON.stringify(form).slice(1, -1)]);
  return new RegExp([...new Set(forms)].map(escape).join('|'));
};
