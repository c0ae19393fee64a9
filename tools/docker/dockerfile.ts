// A small Dockerfile reader for static checks: instructions grouped by FROM stage, with
// `\` continuations joined, comments dropped and global ARG defaults substituted into FROM.
// Not a full parser: no heredocs, no escape-directive other than the default backslash.

export interface Instruction {
  instruction: string;
  args: string;
  line: number;
}

export interface Stage {
  /** The image (ARGs resolved) or earlier stage this one starts from. */
  base: string;
  name: string | undefined;
  instructions: Instruction[];
}

export function parseDockerfile(text: string): {
  globalArgs: Record<string, string>;
  stages: Stage[];
} {
  const globalArgs: Record<string, string> = {};
  const stages: Stage[] = [];
  for (const { instruction, args, line } of instructions(text)) {
    if (instruction === 'FROM') {
      const [image = '', as, name] = args.split(/\s+/).filter((word) => !word.startsWith('--'));
      const base = image.replace(/\$\{?(\w+)\}?/g, (_match, arg: string) => globalArgs[arg] ?? '');
      stages.push({ base, name: as?.toUpperCase() === 'AS' ? name : undefined, instructions: [] });
    } else if (stages.length === 0) {
      if (instruction === 'ARG') {
        const [key = '', ...value] = args.split('=');
        globalArgs[key.trim()] = value.join('=').replace(/^["']|["']$/g, '');
      }
    } else {
      stages[stages.length - 1]?.instructions.push({ instruction, args, line });
    }
  }
  return { globalArgs, stages };
}

function instructions(text: string): Instruction[] {
  const result: Instruction[] = [];
  let pending = '';
  let start = 0;
  text.split(/\r?\n/).forEach((raw, index) => {
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return; // also inside a continuation, as Docker does
    if (pending === '') start = index + 1;
    const continued = trimmed.endsWith('\\');
    pending += `${continued ? trimmed.slice(0, -1).trimEnd() : trimmed} `;
    if (continued) return;
    const [word = '', ...rest] = pending.trim().split(/\s+/);
    result.push({ instruction: word.toUpperCase(), args: rest.join(' '), line: start });
    pending = '';
  });
  return result;
}
