export const COMPONENT_NAMES = ['kafka', 'mongo', 'smtp'] as const;

export type ComponentName = (typeof COMPONENT_NAMES)[number];

export function isComponentName(value: string): value is ComponentName {
  return (COMPONENT_NAMES as readonly string[]).includes(value);
}
