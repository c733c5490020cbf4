import { CORNERS, type Corner } from '../domain/corners';
import { COMMITMENT_STATUSES } from '../domain/commitments';
import { DISCLOSURE_STAGES } from '../domain/disclosure';
import { PARTNERSHIP_MODELS } from '../domain/models';
import { ALIGNMENT_MARKS, ALIGNMENT_QUESTIONS, BREACH_STATUSES, LEARNING_KINDS, MAJOR_CHANGES } from '../domain/audits';
import { DISCLOSURE_DECISIONS } from '../domain/disclosure-advisor';
import { CYCLE_ANONYMITIES, CYCLE_KINDS } from '../domain/cycles';
import { BREACH_DECISIONS, GOVERNANCE_APPROACHES, RECOVERY_ANSWERS, YES_NO } from '../domain/governance';
import type { ColumnSpec, TableSpec } from './schema';

const LEVELS = ['Low', 'Medium', 'High'] as const;

export const PARTNERSHIP: TableSpec = {
  // One record: its row is the first below the header (the template puts it there).
  rowsRead: 20,
  key: 'partnership',
  title: 'Partnership',
  columns: [
    { key: 'ourCompany', header: 'Our company', kind: 'text', help: 'The company that set up this workbook: one of the two sides.', width: 160 },
    { key: 'partnerCompany', header: 'Partner company', kind: 'text', help: 'The other side of the partnership.', width: 160 },
    { key: 'model', header: 'Partnership model', kind: 'choice', choices: PARTNERSHIP_MODELS, help: 'Decides which corner breaks a tie for the weakest corner.', width: 150 },
    { key: 'startDate', header: 'Start date', kind: 'date', width: 110 },
    { key: 'nextReassessment', header: 'Next reassessment', kind: 'date', help: 'Set 90 days after each assessment.', width: 140 },
    { key: 'majorChange', header: 'Major change', kind: 'choice', choices: MAJOR_CHANGES, help: 'Recording one makes a reassessment due now.', width: 140 },
    { key: 'majorChangeNote', header: 'Major change note', kind: 'text', width: 220 },
    { key: 'majorChangeOn', header: 'Major change on', kind: 'date', width: 130 },
    // The governance record (src/domain/governance.ts): written from the sidebar's Governance view.
    { key: 'governanceApproach', header: 'Governance approach', kind: 'choice', choices: GOVERNANCE_APPROACHES, help: 'The trust-building approach chosen on purpose: contractual safeguards, gradual commitment, shared governance, or a blend.', width: 170 },
    { key: 'governanceRationale', header: 'Governance rationale', kind: 'text', help: 'Why this approach, in writing.', width: 260 },
    { key: 'governanceChosenOn', header: 'Governance chosen on', kind: 'date', width: 150 },
    { key: 'governanceChosenBy', header: 'Governance chosen by', kind: 'text', width: 160 },
    { key: 'governanceReviewDue', header: 'Governance review due', kind: 'date', help: 'Six months after the choice: revisit the approach then.', width: 160 },
    // Set when rebuild or exit is decided as an exit (the decision and its reasons are on the Breaches sheet).
    { key: 'exitedOn', header: 'Exited on', kind: 'date', help: 'The partnership was exited after a severe breach: no reassessment is due; every record is kept.', width: 110 },
    { key: 'exitedAfter', header: 'Exited after breach', kind: 'text', help: 'The breach whose decision was to exit.', width: 150 },
    // Who is who: a person's side is the company whose list names their signed-in email (src/sidebar/common/caller.ts).
    { key: 'ourEmails', header: "Our company's emails", kind: 'text', help: 'Email domains (acme.example) or addresses of Our company, separated by commas: a person signed in with one of them is on this side.', width: 220 },
    { key: 'partnerEmails', header: "Partner company's emails", kind: 'text', help: 'Email domains (beta.example) or addresses of the Partner company, separated by commas: a person signed in with one of them is on this side.', width: 220 },
  ],
};

const ratingColumns: ColumnSpec[] = CORNERS.map((corner) => ({
  key: corner.toLowerCase(),
  header: corner,
  kind: 'rating',
  help: `${corner}, rated 1 (weak) to 10 (strong).`,
  width: 110,
}));
const evidenceColumns: ColumnSpec[] = CORNERS.map((corner) => ({
  key: `${corner.toLowerCase()}Evidence`,
  header: `${corner} evidence`,
  kind: 'text',
  help: 'What observable evidence supports this rating?',
  width: 220,
}));

export const ASSESSMENTS: TableSpec = {
  key: 'assessments',
  title: 'Assessments',
  columns: [
    { key: 'cycle', header: 'Cycle', kind: 'text', help: 'The assessment cycle, e.g. 2026-Q1.', width: 90 },
    { key: 'date', header: 'Date', kind: 'date', width: 100 },
    { key: 'side', header: 'Side', kind: 'choice', choices: 'sides', width: 120 },
    { key: 'participant', header: 'Participant', kind: 'text', help: 'Blank = anonymous (the version history still shows who edited).', width: 140 },
    { key: 'responses', header: 'Responses', kind: 'count', help: '1 for a personal row; N for a sealed row holding the means of N people of one side.', width: 90 },
    ...ratingColumns,
    ...evidenceColumns,
  ],
};

/**
 * One row per assessment cycle (src/domain/cycles.ts), visible to both partners: the open one has
 * no Closed on date. Repair records past cycles from the Assessments sheet (cycle-backfill.ts).
 */
/** The two sides of a summary, in the Partnership sheet's order (our company, then the partner). */
export const SUMMARY_SIDES = [1, 2] as const;

/** Column keys of the summary on the Cycles sheet. */
export const summaryKeys = {
  responses: 'summaryResponses',
  mean: (corner: Corner) => `mean${corner}`,
  side: (n: 1 | 2) => `side${n}`,
  sideResponses: (n: 1 | 2) => `side${n}Responses`,
  sideMean: (n: 1 | 2, corner: Corner) => `side${n}${corner}`,
} as const;

/** The summary's columns, after the Cycles sheet's own (cycle-summary.ts computes them). */
const SUMMARY_COLUMNS: ColumnSpec[] = [
  { key: summaryKeys.responses, header: 'Responses', kind: 'count', help: 'Closed cycles: the answers it holds (a sealed row counts its responses). Written when the cycle closes; Repair rebuilds it.', width: 100 },
  ...CORNERS.map((corner): ColumnSpec => ({ key: summaryKeys.mean(corner), header: `Mean ${corner}`, kind: 'rating', help: `Closed cycles: the mean ${corner} rating over every answer.`, width: 130 })),
  ...SUMMARY_SIDES.flatMap((n): ColumnSpec[] => [
    { key: summaryKeys.side(n), header: `Side ${n}`, kind: 'choice', choices: 'sides', help: n === 1 ? 'Our company, as on the Partnership sheet.' : 'The partner company, as on the Partnership sheet.', width: 130 },
    { key: summaryKeys.sideResponses(n), header: `Side ${n} responses`, kind: 'count', width: 130 },
    ...CORNERS.map((corner): ColumnSpec => ({ key: summaryKeys.sideMean(n, corner), header: `Side ${n} ${corner}`, kind: 'rating', width: 140 })),
  ]),
];

export const CYCLES: TableSpec = {
  key: 'cycles',
  title: 'Cycles',
  columns: [
    { key: 'name', header: 'Cycle', kind: 'text', help: 'The cycle’s name, as in the Assessments Cycle column; never reused.', width: 130 },
    { key: 'kind', header: 'Kind', kind: 'choice', choices: CYCLE_KINDS, help: 'Quarterly; Ad hoc after a major change; Reset after a severe breach.', width: 100 },
    { key: 'anonymity', header: 'Anonymity', kind: 'choice', choices: CYCLE_ANONYMITIES, help: 'Named; Anonymous (name left blank); Sealed (only each side’s means enter the sheet).', width: 110 },
    { key: 'sealedMinimum', header: 'Sealed minimum', kind: 'count', help: 'Sealed cycles only: answers per side (3 to 50) before that side’s means are written.', width: 120 },
    { key: 'openedOn', header: 'Opened on', kind: 'date', width: 100 },
    { key: 'openedBy', header: 'Opened by', kind: 'text', width: 140 },
    { key: 'closedOn', header: 'Closed on', kind: 'date', help: 'Blank while the cycle is open: answers go only to the open cycle.', width: 100 },
    { key: 'closedBy', header: 'Closed by', kind: 'text', width: 140 },
    { key: 'focus', header: 'Focus corner', kind: 'choice', choices: CORNERS, help: 'Fixed when the cycle closes: the weakest corner at the first cycle, then the +2 rule.', width: 120 },
    { key: 'oneSided', header: 'One-sided (without)', kind: 'text', help: 'A cycle closed without one company’s answers names that company here; blank when both companies are in it.', width: 150 },
    { key: 'oneSidedReason', header: 'One-sided reason', kind: 'text', help: 'Why the cycle closed without that company, as the person who closed it wrote it.', width: 240 },
    // A closed cycle's summary (cycle-summary.ts), written when it closes; Repair rebuilds it.
    ...SUMMARY_COLUMNS,
  ],
};

/** The Cycles columns every workbook has had since the sheet exists: the one-sided columns come with Repair. */
export const CYCLES_BEFORE_ONE_SIDED: TableSpec = { ...CYCLES, columns: CYCLES.columns.filter((column) => column.key !== 'oneSided' && column.key !== 'oneSidedReason') };

export const COMMITMENTS: TableSpec = {
  key: 'commitments',
  title: 'Shared Commitments Log',
  columns: [
    { key: 'id', header: 'ID', kind: 'id', width: 70 },
    { key: 'commitment', header: 'Commitment', kind: 'text', help: 'Concrete and measurable.', width: 260 },
    { key: 'ownerSide', header: 'Owner side', kind: 'choice', choices: 'sides', width: 120 },
    { key: 'ownerPerson', header: 'Owner person', kind: 'text', width: 130 },
    { key: 'corner', header: 'Corner', kind: 'choice', choices: CORNERS, width: 110 },
    { key: 'madeOn', header: 'Made on', kind: 'date', width: 100 },
    { key: 'dueDate', header: 'Due date', kind: 'date', width: 100 },
    { key: 'status', header: 'Status', kind: 'choice', choices: COMMITMENT_STATUSES, width: 110 },
    { key: 'acceptedBy', header: 'Accepted by', kind: 'text', help: 'Who on the other side signed off.', width: 130 },
    { key: 'doneOn', header: 'Done on', kind: 'date', width: 100 },
    { key: 'flaggedOn', header: 'Flagged early on', kind: 'date', help: 'When the owner warned the other side it would slip.', width: 130 },
    { key: 'recoveryPlan', header: 'Recovery plan', kind: 'text', width: 220 },
    { key: 'source', header: 'Source', kind: 'text', help: 'Where it came from, e.g. the assessment cycle whose action it is.', width: 130 },
    { key: 'updatedBy', header: 'Last updated by', kind: 'text', width: 150 },
    { key: 'updatedAt', header: 'Last updated at', kind: 'timestamp', width: 150 },
    { key: 'proposerSide', header: 'Proposed by (side)', kind: 'choice', choices: 'sides', help: 'The side that proposed it, or that made the latest counter-proposal; the other side answers.', width: 140 },
    { key: 'counterTo', header: 'Counter-proposal to', kind: 'text', help: 'The terms (due date and wording) a counter-proposal replaced.', width: 220 },
    { key: 'declinedReason', header: 'Declined because', kind: 'text', help: 'Why the other side declined the proposal.', width: 220 },
    { key: 'replaces', header: 'Replaces', kind: 'text', help: 'The ID of the declined or withdrawn action this one replaces (same cycle and corner).', width: 90 },
  ],
};

export const SCORECARD: TableSpec = {
  key: 'scorecard',
  title: 'Joint Health Scorecard',
  columns: [
    { key: 'quarter', header: 'Quarter', kind: 'text', help: 'e.g. 2026-Q1', width: 90 },
    { key: 'side', header: 'Side', kind: 'choice', choices: 'sides', width: 120 },
    ...ratingColumns,
    { key: 'domainExpertise', header: 'Domain expertise', kind: 'rating', width: 120 },
    { key: 'executionCapacity', header: 'Execution capacity', kind: 'rating', width: 130 },
    { key: 'learningVelocity', header: 'Learning velocity', kind: 'rating', width: 120 },
    { key: 'satisfaction', header: 'Partner satisfaction', kind: 'score0to10', help: '0–10', width: 140 },
    { key: 'comments', header: 'Comments', kind: 'text', width: 220 },
    { key: 'actionItems', header: 'Action items', kind: 'text', width: 220 },
  ],
};

export const DISCLOSURES: TableSpec = {
  key: 'disclosures',
  title: 'Disclosure Ledger',
  columns: [
    { key: 'id', header: 'ID', kind: 'id', width: 70 },
    { key: 'date', header: 'Date', kind: 'date', width: 100 },
    { key: 'side', header: 'Side', kind: 'choice', choices: 'sides', help: 'The company that shared.', width: 120 },
    { key: 'shared', header: 'What was shared', kind: 'text', width: 260 },
    { key: 'stage', header: 'Stage', kind: 'choice', choices: DISCLOSURE_STAGES, width: 80 },
    { key: 'exploitationRisk', header: 'Exploitation risk', kind: 'choice', choices: LEVELS, width: 120 },
    { key: 'coordinationValue', header: 'Coordination value', kind: 'choice', choices: LEVELS, width: 130 },
    { key: 'reciprocates', header: 'Reciprocates', kind: 'text', help: 'The ID of the entry this one answers.', width: 110 },
    { key: 'decision', header: 'Decision', kind: 'choice', choices: DISCLOSURE_DECISIONS, help: 'What the disclosure advisor recommended.', width: 160 },
  ],
};

export const COMPETENCE_AUDIT: TableSpec = {
  key: 'competenceAudit',
  title: 'Competence Audit',
  columns: [
    { key: 'quarter', header: 'Quarter', kind: 'text', width: 90 },
    { key: 'date', header: 'Date', kind: 'date', width: 100 },
    { key: 'ratedBy', header: 'Rated by (side)', kind: 'choice', choices: 'sides', width: 130 },
    { key: 'ratedSide', header: 'Side rated', kind: 'choice', choices: 'sides', width: 120 },
    { key: 'participant', header: 'Participant', kind: 'text', width: 130 },
    { key: 'domainExpertise', header: 'Domain expertise', kind: 'rating', width: 120 },
    { key: 'executionCapacity', header: 'Execution capacity', kind: 'rating', width: 130 },
    { key: 'learningVelocity', header: 'Learning velocity', kind: 'rating', width: 120 },
    { key: 'evidence', header: 'Evidence', kind: 'text', help: 'What observable evidence supports these ratings?', width: 240 },
  ],
};

export const LEARNING_LOG: TableSpec = {
  key: 'learningLog',
  title: 'Learning Log',
  columns: [
    { key: 'date', header: 'Date', kind: 'date', width: 100 },
    { key: 'side', header: 'Side', kind: 'choice', choices: 'sides', width: 120 },
    { key: 'person', header: 'Person', kind: 'text', width: 130 },
    { key: 'activity', header: 'Activity', kind: 'text', width: 240 },
    { key: 'kind', header: 'Kind', kind: 'choice', choices: LEARNING_KINDS, width: 110 },
    { key: 'hours', header: 'Hours', kind: 'count', width: 70 },
  ],
};

export const ALIGNMENT_AUDIT: TableSpec = {
  key: 'alignmentAudit',
  title: 'Alignment Audit',
  columns: [
    { key: 'quarter', header: 'Quarter', kind: 'text', width: 90 },
    { key: 'question', header: 'Question', kind: 'choice', choices: ALIGNMENT_QUESTIONS, width: 180 },
    { key: 'ourAnswer', header: 'Our company’s answer', kind: 'text', width: 240 },
    { key: 'partnerAnswer', header: 'Partner company’s answer', kind: 'text', width: 240 },
    { key: 'mark', header: 'Alignment', kind: 'choice', choices: ALIGNMENT_MARKS, width: 110 },
  ],
};

export const PREMORTEM: TableSpec = {
  key: 'premortem',
  title: 'Pre-mortem',
  columns: [
    { key: 'id', header: 'ID', kind: 'id', width: 70 },
    { key: 'initiative', header: 'Initiative', kind: 'text', width: 180 },
    { key: 'risk', header: 'What could go wrong', kind: 'text', width: 240 },
    { key: 'likelihood', header: 'Likelihood', kind: 'choice', choices: LEVELS, width: 100 },
    { key: 'impact', header: 'Impact', kind: 'choice', choices: LEVELS, width: 90 },
    { key: 'earlySignal', header: 'Early signal', kind: 'text', width: 200 },
    { key: 'recoveryStandard', header: 'Agreed recovery standard', kind: 'text', width: 200 },
    { key: 'ownerSide', header: 'Owner side', kind: 'choice', choices: 'sides', width: 120 },
    { key: 'commitmentId', header: 'Commitment', kind: 'text', help: 'The commitment this risk became, if any.', width: 110 },
  ],
};

export const BREACHES: TableSpec = {
  key: 'breaches',
  title: 'Breaches',
  columns: [
    { key: 'id', header: 'ID', kind: 'id', width: 70 },
    { key: 'date', header: 'Date', kind: 'date', width: 100 },
    { key: 'what', header: 'What happened', kind: 'text', width: 260 },
    { key: 'corner', header: 'Corner', kind: 'choice', choices: CORNERS, width: 110 },
    { key: 'acknowledgedOn', header: 'Acknowledged on', kind: 'date', width: 130 },
    { key: 'preventionPlan', header: 'Prevention plan', kind: 'text', width: 240 },
    { key: 'reviewDate', header: 'Facilitated review', kind: 'date', width: 130 },
    { key: 'status', header: 'Status', kind: 'choice', choices: BREACH_STATUSES, width: 130 },
    // Rebuild or exit (src/domain/governance.ts): the answers that decide it, the decision and why.
    { key: 'dishonestyOrDataMisuse', header: 'Dishonesty or data misuse', kind: 'choice', choices: YES_NO, help: 'Breaches the guide calls possibly irreparable.', width: 170 },
    { key: 'partnerAcknowledged', header: 'Partner acknowledged', kind: 'choice', choices: YES_NO, width: 150 },
    { key: 'nextCycleRecovered', header: 'Next cycle recovered', kind: 'choice', choices: RECOVERY_ANSWERS, help: 'Whether the breached corner came back in the first cycle after the breach.', width: 150 },
    { key: 'decision', header: 'Decision', kind: 'choice', choices: BREACH_DECISIONS, help: 'Rebuild, or exit the partnership (an exit stops the 90-day loop; every record is kept).', width: 100 },
    { key: 'decisionReasons', header: 'Decision reasons', kind: 'text', width: 260 },
    { key: 'decidedOn', header: 'Decided on', kind: 'date', width: 100 },
    { key: 'decidedBy', header: 'Decided by', kind: 'text', width: 150 },
  ],
};

export const HISTORY: TableSpec = {
  key: 'history',
  title: 'Change History',
  appendOnly: true,
  columns: [
    { key: 'when', header: 'When', kind: 'timestamp', width: 150 },
    { key: 'who', header: 'Who', kind: 'text', width: 180 },
    { key: 'sheet', header: 'Sheet', kind: 'text', width: 160 },
    { key: 'rowId', header: 'Row ID', kind: 'text', width: 80 },
    { key: 'field', header: 'Field', kind: 'text', width: 140 },
    { key: 'oldValue', header: 'Old', kind: 'text', width: 200 },
    { key: 'newValue', header: 'New', kind: 'text', width: 200 },
    {
      key: 'hash',
      header: 'Chain',
      kind: 'text',
      help: 'Entry number and a hash chained to the row above: Extensions → Trust Corners → Verify history names rows changed or deleted afterwards.',
      width: 150,
    },
  ],
};

/**
 * What each side gave the other per quarter (the ecosystem article's business impact). One row per
 * quarter and side, a column per kind of exchange, so RECIPROCITY reads a kind's column beside
 * Side, and ROPI reads Revenue influenced beside Investment.
 */
export const VALUE_EXCHANGE: TableSpec = {
  key: 'valueExchange',
  title: 'Value Exchange',
  columns: [
    { key: 'quarter', header: 'Quarter', kind: 'text', help: 'e.g. 2026-Q1', width: 90 },
    { key: 'side', header: 'Side', kind: 'choice', choices: 'sides', help: 'The company that gave what this row counts, and whose investment it is.', width: 120 },
    { key: 'leads', header: 'Leads', kind: 'amount', help: 'Leads this side passed to the other side.', width: 80 },
    { key: 'referrals', header: 'Referrals', kind: 'amount', help: 'Introductions or referrals to the other side.', width: 90 },
    { key: 'dealsInfluenced', header: 'Deals influenced', kind: 'amount', help: 'Deals of the other side this side helped win.', width: 120 },
    { key: 'revenueInfluenced', header: 'Revenue influenced', kind: 'amount', help: 'Revenue of those deals: the value created (one currency for the whole sheet).', width: 140 },
    { key: 'investment', header: 'Investment', kind: 'amount', help: 'What this side spent on the partnership this quarter: people, programmes, co-marketing (same currency).', width: 110 },
    { key: 'note', header: 'Note', kind: 'text', width: 220 },
  ],
};

/** Data sheets in tab order; the Dashboard (formulas only) is built separately and sits first. */
export const TABLES: readonly TableSpec[] = [
  PARTNERSHIP,
  ASSESSMENTS,
  CYCLES,
  COMMITMENTS,
  SCORECARD,
  DISCLOSURES,
  COMPETENCE_AUDIT,
  LEARNING_LOG,
  ALIGNMENT_AUDIT,
  PREMORTEM,
  BREACHES,
  VALUE_EXCHANGE,
  HISTORY,
];

export const DASHBOARD_KEY = 'dashboard';
export const DASHBOARD_TITLE = 'Dashboard';
