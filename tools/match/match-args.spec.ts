import { InputError } from './input-error';
import { parseMatchArgs } from './match-args';

const defaults = { proposer: 'applicants', maximizeMatches: false, scoreDecimals: undefined };

describe('parseMatchArgs', () => {
  it('solves by default, to stdout', () => {
    expect(parseMatchArgs(['in.json'])).toEqual({
      kind: 'solve',
      instance: 'in.json',
      out: undefined,
      pretty: false,
      options: defaults,
    });
  });

  it('reads every option', () => {
    expect(
      parseMatchArgs([
        'in.json',
        '--out',
        'r.json',
        '--pretty',
        '--proposer',
        'programs',
        '--maximize-matches',
        '--score-decimals',
        '3',
      ]),
    ).toEqual({
      kind: 'solve',
      instance: 'in.json',
      out: 'r.json',
      pretty: true,
      options: { proposer: 'programs', maximizeMatches: true, scoreDecimals: 3 },
    });
    expect(parseMatchArgs(['--verify', 'r.json', 'in.json', '--maximize-matches'])).toEqual({
      kind: 'verify',
      instance: 'in.json',
      result: 'r.json',
      options: { ...defaults, maximizeMatches: true },
    });
  });

  it('shows help without an instance or when asked', () => {
    expect(parseMatchArgs([])).toEqual({ kind: 'help' });
    expect(parseMatchArgs(['in.json', '--help'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['in.json', '--bogus'], 'unknown option --bogus'],
    [['in.json', '--out'], '--out needs a value'],
    [
      ['in.json', '--proposer', 'mentors'],
      '--proposer must be applicants or programs, not "mentors"',
    ],
    [['in.json', '--score-decimals', '12'], '--score-decimals must be a digit 0-9, not "12"'],
    [['a.json', 'b.json'], 'expected one instance file, got 2'],
    [
      ['in.json', '--verify', 'r.json', '--out', 'x'],
      '--verify writes no result: drop --out/--pretty',
    ],
  ])('refuses %j', (argv, message) => {
    expect(() => parseMatchArgs(argv)).toThrow(new InputError(message));
  });
});
