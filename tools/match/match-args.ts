import { InputError } from './input-error';

export interface MatchOptions {
  /** National only: which side proposes. */
  readonly proposer: 'applicants' | 'programs';
  /** Assignment only. */
  readonly maximizeMatches: boolean;
  readonly scoreDecimals: number | undefined;
}

export type MatchCommand =
  | { readonly kind: 'help' }
  | {
      readonly kind: 'solve';
      readonly instance: string;
      readonly out: string | undefined;
      readonly pretty: boolean;
      readonly options: MatchOptions;
    }
  | {
      readonly kind: 'verify';
      readonly instance: string;
      readonly result: string;
      readonly options: MatchOptions;
    };

export const USAGE = `usage: npx tsx tools/match/match.ts <instance.json> [options]

Solves a national (stable) or an assignment instance; the kind is read from the file
("applicants"/"programs" or "mentees"/"mentors"/"scores").

  --out <file>             write the result there instead of stdout
  --pretty                 indent the JSON output
  --verify <result.json>   check a result against the instance instead of solving;
                           exit 1 with the reason when it is not valid
  --proposer applicants|programs
                           national: the side that proposes (default applicants:
                           the applicant-optimal stable matching)
  --maximize-matches       assignment: first the most mentees matched, then the best total
  --score-decimals <0-9>   assignment: round scores to this many decimals first

Exit codes: 0 ok, 1 verification failed, 2 invalid arguments or input, 3 internal error.
Pass the same assignment options to --verify as to the run that produced the result.`;

/** Parses the arguments after `match.ts`; throws InputError on anything unknown. */
export function parseMatchArgs(argv: readonly string[]): MatchCommand {
  const positional: string[] = [];
  let out: string | undefined;
  let result: string | undefined;
  let pretty = false;
  let proposer: MatchOptions['proposer'] = 'applicants';
  let maximizeMatches = false;
  let scoreDecimals: number | undefined;
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    const value = (): string => {
      const next = argv[++k];
      if (next === undefined) throw new InputError(`${arg} needs a value`);
      return next;
    };
    switch (arg) {
      case '-h':
      case '--help':
        return { kind: 'help' };
      case '--out':
        out = value();
        break;
      case '--verify':
        result = value();
        break;
      case '--pretty':
        pretty = true;
        break;
      case '--maximize-matches':
        maximizeMatches = true;
        break;
      case '--proposer': {
        const p = value();
        if (p !== 'applicants' && p !== 'programs') {
          throw new InputError(`--proposer must be applicants or programs, not "${p}"`);
        }
        proposer = p;
        break;
      }
      case '--score-decimals': {
        const d = value();
        if (!/^[0-9]$/.test(d))
          throw new InputError(`--score-decimals must be a digit 0-9, not "${d}"`);
        scoreDecimals = Number(d);
        break;
      }
      default:
        if (arg.startsWith('-')) throw new InputError(`unknown option ${arg}`);
        positional.push(arg);
    }
  }
  if (positional.length === 0) return { kind: 'help' };
  if (positional.length > 1)
    throw new InputError(`expected one instance file, got ${positional.length}`);
  const options = { proposer, maximizeMatches, scoreDecimals };
  const instance = positional[0];
  if (result !== undefined) {
    if (out !== undefined || pretty)
      throw new InputError('--verify writes no result: drop --out/--pretty');
    return { kind: 'verify', instance, result, options };
  }
  return { kind: 'solve', instance, out, pretty, options };
}
