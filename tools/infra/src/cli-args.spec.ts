import { parseCliArgs } from './cli-args';

describe('parseCliArgs', () => {
  it('parses the lifecycle commands', () => {
    expect(parseCliArgs(['up'])).toEqual({ kind: 'up' });
    expect(parseCliArgs(['down'])).toEqual({ kind: 'down' });
    expect(parseCliArgs(['status'])).toEqual({ kind: 'status' });
    expect(parseCliArgs([])).toEqual({ kind: 'help' });
  });

  it('takes everything after -- as the command of `with`', () => {
    expect(parseCliArgs(['with', '--', 'node', '-e', 'x', '--', 'y'])).toEqual({
      kind: 'with',
      command: ['node', '-e', 'x', '--', 'y'],
    });
    expect(parseCliArgs(['with', 'npm', 'test'])).toEqual({ kind: 'with', command: ['npm', 'test'] });
    expect(() => parseCliArgs(['with', '--'])).toThrow(/usage/);
  });

  it('parses component stop/start', () => {
    expect(parseCliArgs(['kafka', 'stop'])).toEqual({ kind: 'component', component: 'kafka', action: 'stop' });
    expect(parseCliArgs(['mongo', 'start'])).toEqual({ kind: 'component', component: 'mongo', action: 'start' });
    expect(() => parseCliArgs(['kafka', 'restart'])).toThrow(/kafka stop\|start/);
  });

  it('parses the smtp commands', () => {
    expect(parseCliArgs(['smtp', 'messages'])).toEqual({ kind: 'smtp-messages', json: false });
    expect(parseCliArgs(['smtp', 'messages', '--json'])).toEqual({ kind: 'smtp-messages', json: true });
    expect(parseCliArgs(['smtp', 'clear'])).toEqual({ kind: 'smtp-clear' });
    expect(parseCliArgs(['smtp', 'stop'])).toEqual({ kind: 'component', component: 'smtp', action: 'stop' });
    expect(parseCliArgs(['smtp', 'start'])).toEqual({ kind: 'component', component: 'smtp', action: 'start' });
    expect(parseCliArgs(['smtp', 'send', '--to', 'a@x', '--to', 'b@x', '--subject', 'Hi'])).toMatchObject({
      kind: 'smtp-send',
      to: ['a@x', 'b@x'],
      subject: 'Hi',
    });
    expect(() => parseCliArgs(['smtp', 'send'])).toThrow(/--to/);
  });

  it('rejects unknown commands and stray arguments', () => {
    expect(() => parseCliArgs(['start'])).toThrow(/unknown command/);
    expect(() => parseCliArgs(['up', 'now'])).toThrow(/no arguments/);
  });
});
