// Command-line options of `npm run demo`.
/**
 * The populations played by default: 1 is the full 2,000-physician health system and the
 * 5,000 + 1,500 national cohort, which takes far longer than 15 minutes here because every
 * registration, enrollment and rank list is one HTTP call to profiles on FerretDB (about
 * 6-16 calls/s under the demo's load); 0.2 finishes in about ten minutes (docs/demo.md).
 */
export const DEFAULT_SCALE = 0.2;

export interface DemoArgs {
  /** 0 < scale ≤ 1: shrinks every population (1 = about 2,000 + 6,500 physicians). */
  scale: number;
  /** Stop everything after the report instead of staying up. */
  exit: boolean;
  /** Added to each service's default port (3001..3004). */
  portOffset: number;
  seed: number;
  /** Where the HTML report goes. */
  out?: string;
  /** Skip `npm run build` (dist/ is already current). */
  noBuild: boolean;
}

export const DEMO_USAGE = `usage: npm run demo -- [--scale <0..1>] [--exit] [--port-offset <n>] [--seed <n>] [--out <file.html>] [--no-build]`;

const number = (flag: string, raw: string | undefined): number => {
  const value = Number(raw);
  if (raw === undefined || raw.trim() === '' || !Number.isFinite(value))
    throw new Error(`${flag} needs a number (${DEMO_USAGE})`);
  return value;
};

export const parseDemoArgs = (argv: readonly string[]): DemoArgs => {
  const args: DemoArgs = {
    scale: DEFAULT_SCALE,
    exit: false,
    portOffset: 0,
    seed: 20_261_207,
    noBuild: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--exit') args.exit = true;
    else if (flag === '--no-build') args.noBuild = true;
    else if (flag === '--scale') args.scale = number(flag, argv[++i]);
    else if (flag === '--port-offset') args.portOffset = number(flag, argv[++i]);
    else if (flag === '--seed') args.seed = number(flag, argv[++i]);
    else if (flag === '--out') {
      const out = argv[++i];
      if (!out) throw new Error(`--out needs a file (${DEMO_USAGE})`);
      args.out = out;
    } else throw new Error(`unknown option ${flag} (${DEMO_USAGE})`);
  }
  if (!(args.scale > 0 && args.scale <= 1))
    throw new Error(`--scale must be above 0 and at most 1, got ${args.scale}`);
  if (!Number.isInteger(args.portOffset) || args.portOffset < 0 || args.portOffset > 60_000)
    throw new Error(`--port-offset must be an integer from 0 to 60000, got ${args.portOffset}`);
  return args;
};
