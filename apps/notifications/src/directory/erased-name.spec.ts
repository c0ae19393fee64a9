import { namePattern, redactName, redactNameInJson } from './erased-name';

describe('erased names', () => {
  it('replaces every occurrence of the name, as typed and as a subject shows it', () => {
    expect(redactName('Your kickoff with Dr Ana Lee. Ana Lee says hi', 'Dr Ana Lee')).toBe(
      'Your kickoff with a former participant. Ana Lee says hi',
    );
    expect(redactName('Milestone with Ana\nLee and Ana Lee', 'Ana\nLee')).toBe(
      'Milestone with a former participant and a former participant',
    );
    expect(redactName('Nothing here', 'Ana Lee')).toBe('Nothing here');
  });

  it('redacts the strings of a JSON document, quotes and all', () => {
    const name = 'Ana "the Bold" Lee';
    const json = JSON.stringify({
      count: 2,
      sections: [{ kind: 'match-ended', lines: [{ subject: `Ended with ${name}` }] }],
    });
    expect(JSON.parse(redactNameInJson(json, name))).toEqual({
      count: 2,
      sections: [{ kind: 'match-ended', lines: [{ subject: 'Ended with a former participant' }] }],
    });
  });

  it('finds the name in text and in stored JSON, with its special characters taken literally', () => {
    const name = 'Ana (A.) "Lee"+';
    expect(namePattern(name).test(`with ${name}`)).toBe(true);
    expect(namePattern(name).test(JSON.stringify({ subject: `with ${name}` }))).toBe(true);
    expect(namePattern(name).test('with Ana A Lee')).toBe(false);
  });
});
