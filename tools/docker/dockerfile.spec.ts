import { parseDockerfile } from './dockerfile';

describe('parseDockerfile', () => {
  const text = [
    '# syntax=docker/dockerfile:1',
    'ARG BASE=node:22-slim',
    '',
    'FROM ${BASE} AS build',
    'RUN npm ci \\',
    '  # a comment inside a continuation',
    '  && npm run build',
    'from --platform=$BUILDPLATFORM build as final',
    'CMD ["node", "main.js"]',
  ].join('\n');

  it('groups instructions by stage and resolves global ARGs in FROM', () => {
    const { globalArgs, stages } = parseDockerfile(text);
    expect(globalArgs).toEqual({ BASE: 'node:22-slim' });
    expect(stages.map(({ base, name }) => ({ base, name }))).toEqual([
      { base: 'node:22-slim', name: 'build' },
      { base: 'build', name: 'final' },
    ]);
  });

  it('joins continuation lines and keeps the first line number', () => {
    const [build] = parseDockerfile(text).stages;
    expect(build?.instructions).toEqual([
      { instruction: 'RUN', args: 'npm ci && npm run build', line: 5 },
    ]);
  });
});
