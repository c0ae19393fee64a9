import { emptyEligibility, type Eligibility } from '../program-settings';
import { checkEligibility, type Candidate } from './eligibility';

const resident: Candidate = {
  role: 'mentee',
  careerStage: 'resident',
  specialties: ['internal-medicine'],
  mentorTrainingCompleted: false,
};
const attending: Candidate = {
  role: 'mentor',
  careerStage: 'mid-career',
  specialties: ['internal-medicine', 'internal-medicine.cardiovascular-disease'],
  mentorTrainingCompleted: true,
};
const noTraining = { mentorTrainingCompleted: false };

describe('checkEligibility', () => {
  it('admits everyone when the program restricts nothing', () => {
    expect(
      checkEligibility({ eligibility: emptyEligibility(), requirements: noTraining }, resident),
    ).toEqual({ eligible: true, reasons: [] });
    expect(
      checkEligibility({ eligibility: emptyEligibility(), requirements: noTraining }, attending)
        .eligible,
    ).toBe(true);
  });

  it('holds mentees and peers to the mentee rules and mentors to the mentor rules', () => {
    const eligibility: Eligibility = {
      mentees: { careerStages: ['resident', 'fellow'], specialties: [] },
      mentors: { careerStages: ['mid-career', 'senior'], specialties: [] },
    };
    expect(checkEligibility({ eligibility, requirements: noTraining }, resident).eligible).toBe(
      true,
    );
    expect(
      checkEligibility({ eligibility, requirements: noTraining }, { ...resident, role: 'peer' })
        .eligible,
    ).toBe(true);
    expect(checkEligibility({ eligibility, requirements: noTraining }, attending).eligible).toBe(
      true,
    );
    const student = checkEligibility(
      { eligibility, requirements: noTraining },
      { ...resident, careerStage: 'student' },
    );
    expect(student).toEqual({
      eligible: false,
      reasons: [
        { code: 'career-stage', message: 'the program takes mentees who are resident, fellow' },
      ],
    });
    expect(
      checkEligibility(
        { eligibility, requirements: noTraining },
        { ...attending, careerStage: 'early-career' },
      ).reasons.map((r) => r.code),
    ).toEqual(['career-stage']);
  });

  it('admits a subspecialist to a program open to the primary specialty, not the reverse', () => {
    const cardiologyOnly: Eligibility = {
      ...emptyEligibility(),
      mentors: { careerStages: [], specialties: ['internal-medicine.cardiovascular-disease'] },
    };
    const internalMedicine: Eligibility = {
      ...emptyEligibility(),
      mentees: { careerStages: [], specialties: ['internal-medicine'] },
    };
    expect(
      checkEligibility({ eligibility: cardiologyOnly, requirements: noTraining }, attending)
        .eligible,
    ).toBe(true);
    expect(
      checkEligibility(
        { eligibility: cardiologyOnly, requirements: noTraining },
        { ...attending, specialties: ['internal-medicine'] },
      ).reasons[0]?.code,
    ).toBe('specialty');
    expect(
      checkEligibility(
        { eligibility: internalMedicine, requirements: noTraining },
        { ...resident, specialties: ['internal-medicine.sleep-medicine'] },
      ).eligible,
    ).toBe(true);
    expect(
      checkEligibility(
        { eligibility: internalMedicine, requirements: noTraining },
        { ...resident, specialties: ['pediatrics'] },
      ).eligible,
    ).toBe(false);
  });

  it('requires mentor training of mentors only, when the program asks for it', () => {
    const program = {
      eligibility: emptyEligibility(),
      requirements: { mentorTrainingCompleted: true },
    };
    expect(
      checkEligibility(program, { ...attending, mentorTrainingCompleted: false }).reasons,
    ).toEqual([
      {
        code: 'mentor-training',
        message: 'the program requires mentors to have completed mentor training',
      },
    ]);
    expect(checkEligibility(program, attending).eligible).toBe(true);
    expect(checkEligibility(program, resident).eligible).toBe(true);
  });
});
