import { careerStageSchema, isSpecialtyCode, PHYSICIAN_CSV_COLUMNS } from '@medmentor/domain';
import { parse } from 'csv-parse/sync';
import { generatePhysicians } from './physicians';
import { physiciansCsv } from './physicians-csv';
import { generateRankLists } from './rank-lists';

const hospitals = [
  { id: 'north', name: 'North', city: 'Chicago', region: 'IL', timeZone: 'America/Chicago' },
  { id: 'south', name: 'South', city: 'Houston', region: 'TX', timeZone: 'America/Chicago' },
];

describe('synthetic physicians', () => {
  it('are the same for the same seed and valid against the domain vocabulary', () => {
    const a = generatePhysicians({ count: 500, seed: 7, emailDomain: 'a.example.org', hospitals });
    expect(
      generatePhysicians({ count: 500, seed: 7, emailDomain: 'a.example.org', hospitals }),
    ).toEqual(a);
    expect(new Set(a.map((p) => p.body.email)).size).toBe(500);
    expect(new Set(a.map((p) => p.body.npi).filter(Boolean)).size).toBe(
      a.filter((p) => p.body.npi).length,
    );
    for (const { body, supervisorIndex, index } of a) {
      expect(isSpecialtyCode(body.specialty)).toBe(true);
      expect(careerStageSchema.safeParse(body.careerStage).success).toBe(true);
      expect(body.availability.length).toBeGreaterThan(0);
      if (supervisorIndex !== undefined) expect(supervisorIndex).toBeLessThan(index);
    }
    const stages = new Set(a.map((p) => p.body.careerStage.stage));
    expect(stages.size).toBe(6);
    expect(a.filter((p) => p.supervisorIndex !== undefined).length).toBeGreaterThan(100);
  });

  it('rank lists name each side once, within bounds, and mentors rank who ranked them', () => {
    const mentees = generatePhysicians({
      count: 300,
      seed: 1,
      emailDomain: 'm.example.org',
      stages: ['resident', 'fellow'],
    });
    const mentors = generatePhysicians({
      count: 90,
      seed: 2,
      emailDomain: 'n.example.org',
      stages: ['mid-career', 'senior'],
    });
    const lists = generateRankLists(
      mentees.map((p) => p.body),
      mentors.map((p) => p.body),
      { seed: 3, menteeListLength: [5, 8], mentorListMax: 20 },
    );
    lists.mentees.forEach((list) => {
      expect(list.length).toBeGreaterThanOrEqual(5);
      expect(list.length).toBeLessThanOrEqual(8);
      expect(new Set(list).size).toBe(list.length);
    });
    lists.mentors.forEach((list, j) => {
      expect(list.length).toBeLessThanOrEqual(20);
      for (const i of list) expect(lists.mentees[i]).toContain(j);
    });
  });

  it('write as the CSV import reads them, quoted where needed, with supervisors and weeks', () => {
    const people = generatePhysicians({
      count: 200,
      seed: 3,
      emailDomain: 'c.example.org',
      hospitals,
    });
    people[0].body.institution = 'North, "Main" Campus';
    const csv = physiciansCsv(
      people.map((p) => ({
        body: p.body,
        ...(p.supervisorIndex !== undefined && { supervisorId: `id-${p.supervisorIndex}` }),
      })),
    );
    const records = parse<Record<string, string>>(csv, { columns: true });
    expect(Object.keys(records[0])).toEqual([...PHYSICIAN_CSV_COLUMNS]);
    expect(records).toHaveLength(200);
    records.forEach((record, i) => {
      const { body, supervisorIndex } = people[i];
      expect(record).toMatchObject({
        given_name: body.givenName,
        email: body.email,
        npi: body.npi ?? '',
        career_stage: body.careerStage.stage,
        institution: body.institution,
        time_zone: body.timeZone,
        interests: body.interests.join(';'),
        supervisor_ids: supervisorIndex === undefined ? '' : `id-${supervisorIndex}`,
      });
      const week = record.availability.split(';').map((item) => {
        const [day, span] = item.split(' ');
        const [start, end] = span.split('-');
        return { day, start, end };
      });
      expect(week).toEqual(body.availability);
    });
  });
});
