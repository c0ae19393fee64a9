/**
 * Runs or checks a match offline: national stable matching or cohort assignment, from an
 * instance file. See tools/match/README.md.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { InputError } from './input-error';
import { parseMatchArgs, USAGE } from './match-args';
import { solveInstance, verifyResult } from './run-match';

function readJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new InputError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
}

function main(argv: readonly string[]): number {
  const command = parseMatchArgs(argv);
  switch (command.kind) {
    case 'help':
      process.stdout.write(`${USAGE}\n`);
      return 0;
    case 'verify': {
      const verdict = verifyResult(
        readJson(command.instance),
        readJson(command.result),
        command.options,
      );
      process.stderr.write(`${verdict.valid ? 'valid' : 'INVALID'}: ${verdict.message}\n`);
      return verdict.valid ? 0 : 1;
    }
    case 'solve': {
      const result = solveInstance(readJson(command.instance), command.options);
      const text = `${JSON.stringify(result, null, command.pretty ? 2 : undefined)}\n`;
      if (command.out === undefined) process.stdout.write(text);
      else writeFileSync(command.out, text);
      return 0;
    }
  }
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  if (error instanceof InputError) {
    process.stderr.write(`match: ${error.message}\n`);
    process.exitCode = 2;
  } else {
    process.stderr.write(
      `match: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 3;
  }
}
