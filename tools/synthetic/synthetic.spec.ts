import { careerStageSchema, isSpecialtyCode } from '@medmentor/domain';
import { generatePhysicians } from './physicians';
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
});
