import { type Calendar, RUNTIME_CALENDAR, quarterOf as quarterIn, startOfDayOf } from '../domain/calendar';
import { governanceReviewDue } from '../domain/governance';

/**
 * A worked example: a strategic partnership between two companies, two assessment cycles, a
 * commitments log with on-time, late, flagged and unflagged slips, four quarters of scorecards and
 * a disclosure ledger, four quarters of value exchanged each way, a governance approach chosen two
 * months ago, and a severe breach between the cycles that ended in a rebuild. Dates are relative to `today`, so the example never goes stale.
 */
export interface ExamplePartnership {
  partnership: Record<string, unknown>;
  assessments: Array<Record<string, unknown>>;
  commitments: Array<Record<string, unknown>>;
  scorecard: Array<Record<string, unknown>>;
  disclosures: Array<Record<string, unknown>>;
  competenceAudit: Array<Record<string, unknown>>;
  learningLog: Array<Record<string, unknown>>;
  alignmentAudit: Array<Record<string, unknown>>;
  premortem: Array<Record<string, unknown>>;
  valueExchange: Array<Record<string, unknown>>;
  breaches: Array<Record<string, unknown>>;
}

const EXAMPLE_SIDES = ['Acme Analytics', 'Beta Cloud'] as const;


export function examplePartnership(today: Date, calendar: Calendar = RUNTIME_CALENDAR): ExamplePartnership {
  const startOfToday = startOfDayOf(calendar, today);
  const day = (offset: number): Date => calendar.addDays(startOfToday, offset);
  const addDays = (date: Date, days: number): Date => calendar.addDays(date, days);
  const quarterOf = (date: Date): string => quarterIn(calendar, date);
  const [acme, beta] = EXAMPLE_SIDES;
  const firstCycleDate = day(-110);
  const secondCycleDate = day(-20);
  const firstCycle = quarterOf(firstCycleDate);
  const secondCycle = quarterOf(secondCycleDate) === firstCycle ? `${firstCycle}b` : quarterOf(secondCycleDate);

  const people: Array<[string, string]> = [
    [acme, 'Ana Silva'], [acme, 'Raj Patel'], [acme, 'Li Wei'],
    [beta, 'Ben Okafor'], [beta, 'Sofia Rossi'], [beta, ''],
  ];
  // Ratings per person: [Competence, Reliability, Transparency, Alignment]; Beta sees Acme's
  // transparency lower than Acme does (a perception gap), and alignment is weak at first.
  const first: number[][] = [[8, 7, 6, 5], [7, 6, 7, 4], [8, 7, 6, 5], [7, 6, 4, 5], [8, 5, 3, 4], [7, 6, 4, 6]];
  const second: number[][] = [[8, 7, 7, 7], [8, 7, 7, 6], [7, 8, 6, 7], [7, 7, 5, 7], [8, 6, 4, 6], [7, 7, 5, 7]];
  const evidence = [
    'Delivered the integration demo on schedule',
    'Two escalations answered within a day',
    'Shared the pipeline report unprompted',
    'Roadmaps discussed, but Q3 priorities differ',
  ];
  const assessmentRows = (cycle: string, date: Date, ratings: number[][]) =>
    people.map(([side, participant], index) => ({
      cycle,
      date,
      side,
      participant,
      responses: 1,
      competence: ratings[index][0],
      reliability: ratings[index][1],
      transparency: ratings[index][2],
      alignment: ratings[index][3],
      competenceEvidence: index % 2 === 0 ? evidence[0] : '',
      reliabilityEvidence: index % 3 === 0 ? evidence[1] : '',
      transparencyEvidence: index === 4 ? 'Learned about the pricing change from a customer' : index % 2 ? evidence[2] : '',
      alignmentEvidence: index % 2 === 0 ? evidence[3] : '',
    }));

  const owners: Array<[string, string]> = [
    [acme, 'Ana Silva'], [beta, 'Ben Okafor'], [acme, 'Raj Patel'], [beta, 'Sofia Rossi'], [acme, 'Ana Silva'], [beta, 'Ben Okafor'],
  ];
  const corners = ['Reliability', 'Transparency', 'Alignment', 'Competence'];
  const tasks = [
    'Send the monthly joint pipeline report',
    'Publish the API change calendar',
    'Run the co-selling enablement session',
    'Share top three priorities before the steering committee',
    'Answer partner escalations within one business day',
    'Deliver the integration certification lab',
  ];
  const commitments: Array<Record<string, unknown>> = [];
  for (let index = 0; index < 30; index++) {
    const [ownerSide, ownerPerson] = owners[index % owners.length];
    const madeOn = day(-150 + index * 5);
    const dueDate = addDays(madeOn, 30);
    const pattern = index % 6; // 0,1,2: on time; 3: late but flagged; 4: late unflagged; 5: open
    const base = {
      id: `C-${String(index + 1).padStart(3, '0')}`,
      commitment: `${tasks[(Math.floor(index / 6) + index) % tasks.length]} (#${index + 1})`,
      ownerSide,
      ownerPerson,
      corner: index >= 27 ? 'Alignment' : corners[index % corners.length],
      madeOn,
      dueDate,
      acceptedBy: ownerSide === acme ? 'Ben Okafor' : 'Ana Silva',
      // The first three are the first cycle's actions; the last three the second cycle's, for its
      // focus (Alignment, kept by the +2 rule), still under way.
      source: index < 3 ? `Assessment ${firstCycle}` : index >= 27 ? `Assessment ${secondCycle}` : 'Weekly sync',
      updatedBy: `${ownerPerson} (${ownerSide})`,
      updatedAt: madeOn,
    };
    const future = dueDate.getTime() > today.getTime();
    if (future || pattern === 5) {
      commitments.push({ ...base, status: pattern === 5 && !future ? 'At risk' : 'Open', recoveryPlan: pattern === 5 && !future ? 'New date agreed on the weekly sync' : '' });
    } else if (pattern === 3) {
      commitments.push({ ...base, status: 'Done', doneOn: addDays(dueDate, 4), flaggedOn: addDays(dueDate, -5), recoveryPlan: 'Flagged in the weekly sync; delivered four days late' });
    } else if (pattern === 4) {
      commitments.push({ ...base, status: 'Missed', flaggedOn: '', recoveryPlan: '' });
    } else {
      commitments.push({ ...base, status: 'Done', doneOn: addDays(dueDate, -pattern) });
    }
  }

  const scorecard: Array<Record<string, unknown>> = [];
  for (let quarter = 3; quarter >= 0; quarter--) {
    const date = day(-91 * quarter);
    const label = quarterOf(date);
    for (const [sideIndex, side] of EXAMPLE_SIDES.entries()) {
      const lift = 3 - quarter;
      scorecard.push({
        quarter: label,
        side,
        competence: 7 + (lift > 1 ? 1 : 0),
        reliability: 6 + Math.min(lift, 2),
        transparency: 5 + lift - sideIndex,
        alignment: 4 + lift,
        domainExpertise: 8,
        executionCapacity: 6 + (lift > 2 ? 1 : 0),
        learningVelocity: 5 + lift,
        satisfaction: 6 + lift + sideIndex,
        comments: sideIndex === 0 ? 'Steady delivery' : 'Want earlier notice of pricing changes',
        actionItems: quarter === 0 ? 'Agree the joint roadmap review date' : '',
      });
    }
  }

  const disclosures = [
    { id: 'D-001', date: day(-140), side: acme, shared: 'Target industries for the joint campaign', stage: 'Early', exploitationRisk: 'Low', coordinationValue: 'High', reciprocates: '' },
    { id: 'D-002', date: day(-130), side: beta, shared: 'Rough account sizes in the shared territory', stage: 'Early', exploitationRisk: 'Low', coordinationValue: 'High', reciprocates: 'D-001' },
    { id: 'D-003', date: day(-90), side: acme, shared: 'Monthly account list', stage: 'Mid', exploitationRisk: 'Medium', coordinationValue: 'High', reciprocates: '' },
    { id: 'D-004', date: day(-75), side: beta, shared: 'Campaign performance, last quarter', stage: 'Mid', exploitationRisk: 'Medium', coordinationValue: 'Medium', reciprocates: 'D-003' },
    { id: 'D-005', date: day(-30), side: acme, shared: 'Roadmap themes for next year', stage: 'Late', exploitationRisk: 'High', coordinationValue: 'High', reciprocates: '' },
  ];

  const competenceAudit: Array<Record<string, unknown>> = [];
  for (const [quarterIndex, date] of [day(-100), day(-10)].entries()) {
    const quarter = quarterOf(date);
    const raters: Array<[string, string, string]> = [[acme, beta, 'Ana Silva'], [acme, beta, 'Raj Patel'], [beta, acme, 'Ben Okafor'], [beta, acme, 'Sofia Rossi']];
    raters.forEach(([ratedBy, ratedSide, participant], index) => {
      competenceAudit.push({
        quarter, date, ratedBy, ratedSide, participant,
        domainExpertise: 7 + (index % 2),
        executionCapacity: 6 + quarterIndex,
        learningVelocity: 5 + quarterIndex + (index % 2),
        evidence: index === 0 ? 'Certified two more integration engineers' : '',
      });
    });
  }
  const learningLog = [
    { date: day(-120), side: acme, person: 'Raj Patel', activity: 'Partner platform fundamentals', kind: 'Training', hours: 8 },
    { date: day(-95), side: beta, person: 'Ben Okafor', activity: 'Retail analytics certification', kind: 'Certification', hours: 24 },
    { date: day(-60), side: acme, person: 'Li Wei', activity: 'Joint industry conference', kind: 'Conference', hours: 16 },
    { date: day(-25), side: beta, person: 'Sofia Rossi', activity: 'Integration architect course', kind: 'Training', hours: 12 },
  ];
  const alignmentQuarter = quarterOf(day(-15));
  const alignmentAudit = [
    { quarter: alignmentQuarter, question: 'Shared purpose', ourAnswer: 'Win mid-market retail together', partnerAnswer: 'Grow retail cloud revenue', mark: 'Partly' },
    { quarter: alignmentQuarter, question: 'Success in three years', ourAnswer: '200 joint customers', partnerAnswer: '150 joint customers and a co-built product', mark: 'Partly' },
    { quarter: alignmentQuarter, question: 'Boundaries', ourAnswer: 'No poaching of staff or accounts', partnerAnswer: 'No poaching; pricing stays separate', mark: 'Aligned' },
    { quarter: alignmentQuarter, question: 'Priority 1 next quarter', ourAnswer: 'Launch the joint offer', partnerAnswer: 'Launch the joint offer', mark: 'Aligned' },
    { quarter: alignmentQuarter, question: 'Priority 2 next quarter', ourAnswer: 'Two reference customers', partnerAnswer: 'Marketplace listing', mark: 'Not aligned' },
    { quarter: alignmentQuarter, question: 'Priority 3 next quarter', ourAnswer: 'Certify five engineers', partnerAnswer: 'Certify five engineers', mark: 'Aligned' },
  ];
  const premortem = [
    { id: 'R-001', initiative: 'Joint offer launch', risk: 'Integration is not certified by launch', likelihood: 'Medium', impact: 'High', earlySignal: 'Certification lab slips twice', recoveryStandard: 'Tell the partner within 48 hours and agree a new date', ownerSide: beta, commitmentId: '' },
    { id: 'R-002', initiative: 'Joint offer launch', risk: 'Pricing change surprises the partner', likelihood: 'Low', impact: 'High', earlySignal: 'Pricing committee meets without a partner briefing', recoveryStandard: 'Brief the partner before any customer hears it', ownerSide: acme, commitmentId: '' },
  ];

  // Value exchanged each way over the scorecard's four quarters: Acme passes more leads than it
  // gets back, referrals are nearly balanced, and the return on investment grows.
  const valueExchange: Array<Record<string, unknown>> = [];
  for (let quarter = 3; quarter >= 0; quarter--) {
    const label = quarterOf(day(-91 * quarter));
    const lift = 3 - quarter;
    valueExchange.push(
      { quarter: label, side: acme, leads: 12 + 2 * lift, referrals: 3 + lift, dealsInfluenced: 2 + lift, revenueInfluenced: 40_000 + 15_000 * lift, investment: 20_000 + 2_000 * lift, note: lift === 0 ? 'Joint campaign kick-off' : '' },
      { quarter: label, side: beta, leads: 4 + 2 * lift, referrals: lift === 0 ? '' : 5, dealsInfluenced: 1 + lift, revenueInfluenced: 25_000 + 10_000 * lift, investment: 15_000, note: '' },
    );
  }

  // A severe breach between the two cycles: misuse of data, acknowledged, the reset completed; the
  // next cycle brought Transparency back above its level before the breach, so both sides rebuilt.
  const breaches = [
    {
      id: 'B-001',
      date: day(-80),
      what: 'The joint account list was forwarded to a reseller outside the partnership',
      corner: 'Transparency',
      acknowledgedOn: day(-78),
      preventionPlan: 'Account lists shared only through the joint workspace, with named readers',
      reviewDate: day(-45),
      status: 'Reset complete',
      dishonestyOrDataMisuse: 'Yes',
      partnerAcknowledged: 'Yes',
      nextCycleRecovered: 'Yes',
      decision: 'Rebuild',
      decisionReasons: 'Acknowledged in writing within two days; the prevention plan is in place and Transparency recovered in the next cycle.',
      decidedOn: day(-15),
      decidedBy: 'Ana Silva (Acme Analytics)',
    },
  ];
  const governanceChosenOn = day(-60);

  return {
    valueExchange,
    breaches,
    competenceAudit,
    learningLog,
    alignmentAudit,
    premortem,
    partnership: {
      ourCompany: acme, partnerCompany: beta, model: 'Strategic', startDate: day(-200), nextReassessment: addDays(secondCycleDate, 90),
      ourEmails: 'acme.example', partnerEmails: 'beta.example',
      governanceApproach: 'Gradual commitment',
      governanceRationale: 'Alignment and Transparency were low in the first cycle: commit step by step (pilot accounts first, the joint offer after), and revisit once both sides have two cycles behind them.',
      governanceChosenOn,
      governanceChosenBy: 'Ben Okafor (Beta Cloud)',
      governanceReviewDue: governanceReviewDue(governanceChosenOn, calendar),
    },
    assessments: [...assessmentRows(firstCycle, firstCycleDate, first), ...assessmentRows(secondCycle, secondCycleDate, second)],
    commitments,
    scorecard,
    disclosures,
  };
}

