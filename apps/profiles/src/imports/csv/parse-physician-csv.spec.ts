import { Readable } from 'node:stream';
import type { ImportRow } from '../import-row';
import { CsvFileError, parsePhysicianCsv } from './parse-physician-csv';

const HEADER =
  'given_name,family_name,email,npi,specialty,career_stage,pgy,time_zone,languages,interests,mentoring_capacity,taking_break';

const collect = async (text: string): Promise<ImportRow[]> => {
  const rows: ImportRow[] = [];
  for await (const row of parsePhysicianCsv(Readable.from([text]))) rows.push(row);
  return rows;
};

describe('parsePhysicianCsv', () => {
  it('maps good rows to validated profiles with their line numbers', async () => {
    const rows = await collect(
      [
        HEADER,
        'Ana,García,ana@example.org,1234567893,internal-medicine,resident,2,America/Chicago,en;es,research;education,0,no',
        '"Lee, Jr.",Kim,LEE@example.org,,pediatrics,student,,America/New_York,,,,',
      ].join('\n'),
    );
    expect(rows).toEqual([
      expect.objectContaining({ ok: true, line: 2 }),
      expect.objectContaining({ ok: true, line: 3 }),
    ]);
    const [ana, lee] = rows as Extract<ImportRow, { ok: true }>[];
    expect(ana.input).toMatchObject({
      careerStage: { stage: 'resident', pgy: 2 },
      languages: ['en', 'es'],
      interests: ['research', 'education'],
      takingBreak: false,
    });
    expect(lee.input).toMatchObject({
      givenName: 'Lee, Jr.',
      email: 'lee@example.org',
      careerStage: { stage: 'student' },
    });
  });

  it('reports every rejected row with its line and the column at fault, and goes on', async () => {
    const rows = await collect(
      [
        HEADER,
        'Ana,García,ana@example.org,1234567890,internal-medicine,resident,2,America/Chicago,,,,',
        'Bo,Li,bo@example.org,1234567893,wizardry,fellow,,Mars/Olympus,,,,',
        'Cy,Ng,cy@example.org,1234567893,surgery,senior,,Europe/London,,,lots,',
        'only,three,columns',
        'Di,Xu,di@example.org,1234567893,surgery,senior,,Europe/London,,,2,yes',
      ].join('\n'),
    );
    expect(rows.map((r) => [r.line, r.ok])).toEqual([
      [2, false],
      [3, false],
      [4, false],
      [5, false],
      [6, true],
    ]);
    const problems = (r: ImportRow) => (r.ok ? [] : r.problems.map((p) => p.field));
    expect(problems(rows[0])).toEqual(['npi']);
    expect(problems(rows[1]).sort()).toEqual(['specialty', 'time_zone']);
    expect(problems(rows[2])).toEqual(['mentoring_capacity']);
    expect(problems(rows[3])).toEqual(['(row)']);
  });

  it('reads weekly availability windows and names a window it cannot read', async () => {
    const header = 'given_name,family_name,email,specialty,career_stage,time_zone,availability';
    const rows = await collect(
      [
        header,
        'Ana,Ruiz,ana@example.org,surgery,student,America/Chicago,MON 6:30-08:00; sat 09:00 - 12:00',
        'Bo,Li,bo@example.org,surgery,student,America/Chicago,',
        'Cy,Ng,cy@example.org,surgery,student,America/Chicago,tue 18:00-20:00;evenings',
        'Di,Xu,di@example.org,surgery,student,America/Chicago,wed 20:00-18:00',
        'Ed,Ho,ed@example.org,surgery,student,America/Chicago,thu 18:00-20:00;thu 19:00-21:00',
      ].join('\n'),
    );
    expect(rows.map((r) => r.ok)).toEqual([true, true, false, false, false]);
    const [ana, bo] = rows as Extract<ImportRow, { ok: true }>[];
    expect(ana.input.availability).toEqual([
      { day: 'mon', start: '06:30', end: '08:00' },
      { day: 'sat', start: '09:00', end: '12:00' },
    ]);
    expect(bo.input.availability ?? []).toEqual([]);
    const problemsOf = (r: ImportRow) => (r.ok ? [] : r.problems);
    expect(problemsOf(rows[2])).toEqual([
      {
        field: 'availability',
        message: '"evenings" is not a weekly window written like "mon 18:00-20:00"',
      },
    ]);
    expect(problemsOf(rows[3])).toEqual([
      { field: 'availability', message: 'end must be after start' },
    ]);
    expect(problemsOf(rows[4])).toEqual([
      { field: 'availability', message: 'windows on thu overlap' },
    ]);
  });

  it('names the list column of a bad item', async () => {
    const rows = await collect(
      [
        'given_name,family_name,email,specialty,career_stage,time_zone,supervisor_ids',
        'Ana,Ruiz,ana@example.org,surgery,student,America/Chicago,not-an-id',
      ].join('\n'),
    );
    expect(rows).toEqual([
      { ok: false, line: 2, problems: [expect.objectContaining({ field: 'supervisor_ids' })] },
    ]);
  });

  it.each([
    [
      'an unknown column',
      'given_name,family_name,email,specialty,career_stage,time_zone,shoe_size\n',
      /unknown columns: shoe_size/,
    ],
    [
      'a missing required column',
      'given_name,family_name,specialty,career_stage,time_zone\n',
      /missing required columns: email/,
    ],
    [
      'a duplicate column',
      'given_name,family_name,email,email,specialty,career_stage,time_zone\n',
      /duplicate columns: email/,
    ],
  ])('refuses a file with %s in its header', async (_label, text, message) => {
    await expect(collect(text)).rejects.toThrow(message);
    await expect(collect(text)).rejects.toBeInstanceOf(CsvFileError);
  });

  it('reads a large file as a stream', async () => {
    const line =
      'Ana,García,ana@example.org,1234567893,internal-medicine,fellow,,America/Chicago,,,,';
    async function* chunks() {
      yield `${HEADER}\n`;
      for (let i = 0; i < 2000; i += 1) yield `${line}\n`;
    }
    let count = 0;
    for await (const row of parsePhysicianCsv(Readable.from(chunks()))) if (row.ok) count += 1;
    expect(count).toBe(2000);
  });
});
