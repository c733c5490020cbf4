import { CHAMPION_RISK, DISCLOSURE_NEXT_STAGE, PNPS } from './partnership';
import { EARLY_WARNING_RATE, ON_TIME_RATE } from './commitments';
import { CYCLE_FOCUS } from './cycle-focus';
import {
  CORNERS_AT_RISK,
  CORNER_SCORES,
  NEXT_FOCUS,
  PERCEPTION_GAP,
  PRIMARY_CORNER,
  REASSESS_BY,
  SECONDARY_CORNER,
  WEAKEST_CORNER,
} from './trust';
import { PSAT, RECIPROCITY, ROPI } from './value';

export interface ParamDoc {
  name: string;
  /** JSDoc type shown to nobody but kept honest: what Apps Script passes. */
  type: string;
  description: string;
  optional?: boolean;
}

/**
 * One custom function as Sheets sees it. This is the single list the build turns into top-level
 * declarations with JSDoc (autocomplete and argument help), the README's reference is checked
 * against, and the formula engine in the tests registers.
 */
export interface CustomFunctionSpec {
  name: string;
  summary: string;
  params: ParamDoc[];
  returns: string;
  /** 'row' results spill four cells to the right. */
  resultShape: 'scalar' | 'row';
  /** A formula with literal arguments and what it shows: the README's example, evaluated by a test. */
  example: { formula: string; result: string };
  /** A formula that fails and the message Sheets shows for it: the README's error example, evaluated by a test. */
  error: { formula: string; message: string };
  implementation: (...args: never[]) => unknown;
}

const SCORES: ParamDoc = {
  name: 'scores',
  type: 'Array<Array<number>>',
  description:
    'Ratings 1-10, one row per participant, columns Competence, Reliability, Transparency, Alignment (or any order under a header row naming them). Blank rows are skipped.',
};
const MODEL: ParamDoc = {
  name: 'model',
  type: 'string',
  description: 'Partnership model breaking ties: Transactional, Strategic, Ecosystem or Co-innovation.',
  optional: true,
};
const RESPONSES: ParamDoc = {
  name: 'responses',
  type: 'Array<Array<number>>',
  description: 'How many people each row of scores stands for, same rows as scores (a sealed row holds the means of N people); blank counts 1.',
  optional: true,
};
const AS_OF: ParamDoc = { name: 'as_of', type: 'Date', description: 'The day to judge on (default today).', optional: true };
const STATUSES: ParamDoc = {
  name: 'statuses',
  type: 'Array<Array<string>>',
  description:
    'Status of each commitment (the log\'s Status column), same rows: Proposed, Declined and Withdrawn rows are left out, since neither side took them on; blank counts. Omit it to count every row.',
  optional: true,
};

export const CUSTOM_FUNCTIONS: readonly CustomFunctionSpec[] = [
  {
    name: 'WEAKEST_CORNER',
    summary: 'The trust corner with the lowest mean rating: the priority to work on.',
    params: [SCORES, MODEL],
    returns: 'The corner name, or blank when nothing is rated yet.',
    resultShape: 'scalar',
    example: { formula: '=WEAKEST_CORNER({7,8,5,9;6,8,6,8})', result: 'Transparency' },
    error: {
      formula: '=WEAKEST_CORNER({7,8,"n/a",9})',
      message: 'WEAKEST_CORNER: scores row 1, Transparency is "n/a"; expected a number from 1 to 10',
    },
    implementation: WEAKEST_CORNER,
  },
  {
    name: 'CORNER_SCORES',
    summary: 'The mean rating of each corner, as one row: Competence, Reliability, Transparency, Alignment.',
    params: [SCORES, RESPONSES],
    returns: 'One row of four means (spills right).',
    resultShape: 'row',
    example: { formula: '=CORNER_SCORES({7,8,5,9;6,8,6,8})', result: '6.5 | 8 | 5.5 | 8.5' },
    error: {
      formula: '=CORNER_SCORES({7,8,9})',
      message: 'CORNER_SCORES: scores has 3 columns; expected 4 (Competence, Reliability, Transparency, Alignment) or a first row naming the four corners',
    },
    implementation: CORNER_SCORES,
  },
  {
    name: 'CORNERS_AT_RISK',
    summary: 'The corners whose mean is at or below the threshold, comma-separated in canonical order.',
    params: [SCORES, { name: 'threshold', type: 'number', description: 'Attention threshold (default 6).', optional: true }],
    returns: 'Corner names joined by ", ", or blank when none is at risk.',
    resultShape: 'scalar',
    example: { formula: '=CORNERS_AT_RISK({7,8,5,9;6,8,6,8})', result: 'Transparency' },
    error: {
      formula: '=CORNERS_AT_RISK({7,8,5,9}, "high")',
      message: 'CORNERS_AT_RISK: threshold is "high"; expected a number from 0 to 10',
    },
    implementation: CORNERS_AT_RISK,
  },
  {
    name: 'PERCEPTION_GAP',
    summary: 'Per corner, the first side\'s mean minus the second side\'s (sides in order of first appearance).',
    params: [
      SCORES,
      { name: 'sides', type: 'Array<Array<string>>', description: 'The company of each row of scores, same rows as scores.' },
      RESPONSES,
    ],
    returns: 'One row of four gaps (spills right), or blank until both sides have rated.',
    resultShape: 'row',
    example: { formula: '=PERCEPTION_GAP({7,8,5,9;6,8,6,8;5,6,6,7}, {"Acme";"Acme";"Beta"})', result: '1.5 | 2 | -0.5 | 1.5' },
    error: {
      formula: '=PERCEPTION_GAP({7,8,5,9;6,8,6,8}, {"Acme"})',
      message: 'PERCEPTION_GAP: sides has 1 row but scores has 2; give ranges that start and end on the same rows',
    },
    implementation: PERCEPTION_GAP,
  },
  {
    name: 'NEXT_FOCUS',
    summary: 'The corner to focus on after a reassessment: the targeted corner until it improved by 2 points, then the lowest of the others.',
    params: [
      { ...SCORES, name: 'baseline', description: 'Ratings (or one row of means) of the previous assessment.' },
      { ...SCORES, name: 'current', description: 'Ratings (or one row of means) of the reassessment.' },
      MODEL,
    ],
    returns: 'The corner name, or blank when the baseline has no ratings.',
    resultShape: 'scalar',
    example: { formula: '=NEXT_FOCUS({7,8,4,9}, {7,8,6.5,9})', result: 'Competence' },
    error: {
      formula: '=NEXT_FOCUS({7,8,4,9}, {7,8,6,9}, "Friendly")',
      message: 'NEXT_FOCUS: model is "Friendly"; expected one of Transactional, Strategic, Ecosystem, Co-innovation',
    },
    implementation: NEXT_FOCUS,
  },
  {
    name: 'CYCLE_FOCUS',
    summary:
      'The focus now, as the sidebar shows it: the weakest corner at the first cycle, then the +2 rule across cycles (kept until it gained 2 points since it became the focus), with the focus each closed cycle recorded on the Cycles sheet.',
    params: [
      SCORES,
      { name: 'cycles', type: 'Array<Array<string>>', description: 'The cycle of each row of scores (the Assessments Cycle column), same rows as scores.' },
      { name: 'dates', type: 'Array<Array<Date>>', description: 'The date of each row of scores, same rows as scores (orders cycles that have no Cycles row).' },
      { ...RESPONSES, optional: false },
      { name: 'cycle_names', type: 'Array<Array<string>>', description: 'The Cycles sheet\'s Cycle column.' },
      { name: 'opened_on', type: 'Array<Array<Date>>', description: 'Its Opened on column: the order of the cycles.' },
      { name: 'closed_on', type: 'Array<Array<Date>>', description: 'Its Closed on column (blank while a cycle is open).' },
      { name: 'focus', type: 'Array<Array<string>>', description: 'Its Focus corner column: what each closed cycle fixed.' },
      MODEL,
    ],
    returns: 'The corner name, or blank before any cycle has ratings.',
    resultShape: 'scalar',
    example: {
      formula: '=CYCLE_FOCUS({7,8,4,9;7,8,6.5,9}, {"Q1";"Q2"}, {"2026-01-10";"2026-04-10"}, {1;1}, {"Q1";"Q2"}, {"2026-01-05";"2026-04-01"}, {"2026-01-20";""}, {"Transparency";""})',
      result: 'Competence',
    },
    error: {
      formula: '=CYCLE_FOCUS({7,8,4,9}, {"Q1"}, {"2026-01-10"}, {1}, {"Q1"}, {"2026-01-05"}, {"2026-01-20"}, {"Trust"})',
      message: 'CYCLE_FOCUS: focus row 1 is "Trust"; expected a corner name or blank',
    },
    implementation: CYCLE_FOCUS,
  },
  {
    name: 'REASSESS_BY',
    summary: 'The date the next Trust Corner Assessment is due.',
    params: [
      { name: 'date', type: 'Date', description: 'The date of the assessment.' },
      { name: 'days', type: 'number', description: 'Days until the reassessment (default 90).', optional: true },
    ],
    returns: 'A date, or blank when date is blank.',
    resultShape: 'scalar',
    example: { formula: '=REASSESS_BY(DATE(2026,3,2))', result: '2026-05-31' },
    error: {
      formula: '=REASSESS_BY("soon")',
      message: 'REASSESS_BY: date is "soon"; expected a date',
    },
    implementation: REASSESS_BY,
  },
  {
    name: 'PRIMARY_CORNER',
    summary: 'The corner a partnership model depends on most.',
    params: [{ ...MODEL, description: 'Transactional, Strategic, Ecosystem or Co-innovation.', optional: false }],
    returns: 'A corner name.',
    resultShape: 'scalar',
    example: { formula: '=PRIMARY_CORNER("Strategic")', result: 'Alignment' },
    error: {
      formula: '=PRIMARY_CORNER("")',
      message: 'PRIMARY_CORNER: model is blank; expected one of Transactional, Strategic, Ecosystem, Co-innovation',
    },
    implementation: PRIMARY_CORNER,
  },
  {
    name: 'SECONDARY_CORNER',
    summary: 'The corner a partnership model depends on second most.',
    params: [{ ...MODEL, description: 'Transactional, Strategic, Ecosystem or Co-innovation.', optional: false }],
    returns: 'A corner name.',
    resultShape: 'scalar',
    example: { formula: '=SECONDARY_CORNER("Strategic")', result: 'Competence' },
    error: {
      formula: '=SECONDARY_CORNER("Joint")',
      message: 'SECONDARY_CORNER: model is "Joint"; expected one of Transactional, Strategic, Ecosystem, Co-innovation',
    },
    implementation: SECONDARY_CORNER,
  },
  {
    name: 'ON_TIME_RATE',
    summary: 'Of the commitments due so far, the share done on or before their due date (with statuses: only those both sides took on).',
    params: [
      { name: 'due_dates', type: 'Array<Array<Date>>', description: 'Due date of each commitment.' },
      { name: 'done_dates', type: 'Array<Array<Date>>', description: 'Date each was done (blank while open), same rows.' },
      AS_OF,
      STATUSES,
    ],
    returns: 'A fraction 0-1, or blank when nothing is due yet.',
    resultShape: 'scalar',
    example: {
      formula: '=ON_TIME_RATE({"2026-01-10";"2026-02-01";"2026-02-05"}, {"2026-01-09";"2026-02-03";""}, DATE(2026,3,1), {"Done";"Done";"Declined"})',
      result: '0.5',
    },
    error: {
      formula: '=ON_TIME_RATE({"2026-01-10";"tomorrow"}, {"";""})',
      message: 'ON_TIME_RATE: due_dates row 2 is "tomorrow"; expected a date',
    },
    implementation: ON_TIME_RATE,
  },
  {
    name: 'EARLY_WARNING_RATE',
    summary:
      'Of the commitments that slipped (done late, or open past due), the share flagged to the partner before the due date (with statuses: only those both sides took on).',
    params: [
      { name: 'due_dates', type: 'Array<Array<Date>>', description: 'Due date of each commitment.' },
      { name: 'done_dates', type: 'Array<Array<Date>>', description: 'Date each was done (blank while open), same rows.' },
      { name: 'flagged_dates', type: 'Array<Array<Date>>', description: 'Date the owner warned the partner it would slip (blank if never), same rows.' },
      AS_OF,
      STATUSES,
    ],
    returns: 'A fraction 0-1, or blank when nothing slipped.',
    resultShape: 'scalar',
    example: { formula: '=EARLY_WARNING_RATE({"2026-01-10";"2026-02-01"}, {"2026-01-12";"2026-02-03"}, {"2026-01-08";""}, DATE(2026,3,1))', result: '0.5' },
    error: {
      formula: '=EARLY_WARNING_RATE({"2026-01-10"}, {"2026-01-12"}, {5})',
      message: 'EARLY_WARNING_RATE: flagged_dates row 1 is 5; expected a date',
    },
    implementation: EARLY_WARNING_RATE,
  },
  {
    name: 'DISCLOSURE_NEXT_STAGE',
    summary: 'The highest disclosure stage you may open next: one above the highest stage the partner has shared.',
    params: [
      { name: 'sides', type: 'Array<Array<string>>', description: 'The company that shared each ledger entry.' },
      { name: 'stages', type: 'Array<Array<string>>', description: 'Stage of each entry: Early, Mid or Late, same rows.' },
      { name: 'partner', type: 'string', description: 'The partner company, as written in sides.' },
    ],
    returns: 'Early, Mid or Late.',
    resultShape: 'scalar',
    example: { formula: '=DISCLOSURE_NEXT_STAGE({"Acme";"Beta"}, {"Mid";"Early"}, "Beta")', result: 'Mid' },
    error: {
      formula: '=DISCLOSURE_NEXT_STAGE({"Acme";"Beta"}, {"Mid";"Soon"}, "Beta")',
      message: 'DISCLOSURE_NEXT_STAGE: stages row 2 is "Soon"; expected one of Early, Mid, Late',
    },
    implementation: DISCLOSURE_NEXT_STAGE,
  },
  {
    name: 'PNPS',
    summary: 'Partner NPS: the percentage of 9-10 ratings minus the percentage of 0-6 ratings.',
    params: [{ name: 'ratings', type: 'Array<Array<number>>', description: 'Ratings 0-10; blanks are skipped.' }],
    returns: 'A number from -100 to 100, or blank without ratings.',
    resultShape: 'scalar',
    example: { formula: '=PNPS({10;9;7;3})', result: '25' },
    error: {
      formula: '=PNPS({10;11})',
      message: 'PNPS: ratings row 2 is 11; expected a rating from 0 to 10',
    },
    implementation: PNPS,
  },
  {
    name: 'CHAMPION_RISK',
    summary: 'The share of commitments held by the single busiest owner: high means one departure could stall the partnership.',
    params: [{ name: 'owners', type: 'Array<Array<string>>', description: 'The owner person of each commitment; blanks are skipped.' }],
    returns: 'A fraction 0-1, or blank without owners.',
    resultShape: 'scalar',
    example: { formula: '=CHAMPION_RISK({"Ana";"Ana";"Ben";"Cy"})', result: '0.5' },
    error: {
      formula: '=CHAMPION_RISK({"Ana";TRUE()})',
      message: 'CHAMPION_RISK: owners row 2 is TRUE; expected text',
    },
    implementation: CHAMPION_RISK,
  },
  {
    name: 'ROPI',
    summary: 'Return on partner investment: the value the partnership created divided by what was invested, both summed over the rows.',
    params: [
      { name: 'value', type: 'Array<Array<number>>', description: 'Value created on each row (e.g. revenue influenced); blanks are skipped.' },
      { name: 'investment', type: 'Array<Array<number>>', description: 'What was invested on each row (cost, 0 or more), same rows as value; blanks are skipped.' },
    ],
    returns: 'A ratio (3.2 means 3.20 of value per 1 invested), or blank without data. Zero investment is an error.',
    resultShape: 'scalar',
    example: { formula: '=ROPI({30000;50000}, {10000;15000})', result: '3.2' },
    error: {
      formula: '=ROPI({30000;50000}, {0;""})',
      message: 'ROPI: investment totals 0 against a value of 80000; expected what was invested (a total above 0) to divide the value by',
    },
    implementation: ROPI,
  },
  {
    name: 'RECIPROCITY',
    summary: 'The balance of one kind of exchange between the two sides: the smaller side\'s total divided by the larger side\'s (1 is balanced, 0 all one way).',
    params: [
      { name: 'sides', type: 'Array<Array<string>>', description: 'The side (company) that gave, on each row.' },
      { name: 'amounts', type: 'Array<Array<number>>', description: 'What each row gave (0 or more), same rows as sides: one column, or a table with a column per kind under a title row.' },
      { name: 'kind', type: 'string', description: 'The title of the amounts column to read (e.g. Leads); the ranges then start on the title row. Omit it when amounts is one column.', optional: true },
    ],
    returns: 'A fraction 0-1, or blank when nothing was exchanged. A side that appears alone gave nothing back: 0.',
    resultShape: 'scalar',
    example: { formula: '=RECIPROCITY({"Side";"Acme";"Beta";"Acme"}, {"Leads","Referrals";6,1;3,4;2,0}, "Leads")', result: '0.375' },
    error: {
      formula: '=RECIPROCITY({"Acme";"Beta";"Gamma"}, {5;3;1})',
      message: 'RECIPROCITY: sides row 3 is "Gamma", a third side after "Acme" and "Beta"; expected the two sides of one partnership',
    },
    implementation: RECIPROCITY,
  },
  {
    name: 'PSAT',
    summary: 'Partner satisfaction: the share of satisfaction ratings of 8 or more on the 0-10 scale.',
    params: [{ name: 'ratings', type: 'Array<Array<number>>', description: 'Ratings 0-10; blanks are skipped.' }],
    returns: 'A fraction 0-1, or blank without ratings.',
    resultShape: 'scalar',
    example: { formula: '=PSAT({10;8;7;3})', result: '0.5' },
    error: {
      formula: '=PSAT({9;"great"})',
      message: 'PSAT: ratings row 2 is "great"; expected a rating from 0 to 10',
    },
    implementation: PSAT,
  },
];
