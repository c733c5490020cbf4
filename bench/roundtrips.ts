/**
 * Round trips, forced commits and cells per action (runtime/README.md: the cost model), at 10 and
 * 10,000 rows. One line per action and size: `{"bench":"roundtrips:<action>","rows":N,...}`, with
 * `est_ms`, the wait they price at in Sheets (pricedMs, the prices --latency=sheets uses).
 * Every sidebar handler is listed (the Record type makes a new handler a build error until it is).
 */
import { type AppsScriptDouble, kindOf, pricedMs } from '../runtime/apps-script';
import { onEdit, repairWorkbook } from '../src/addon';
import { ALIGNMENT_QUESTIONS, MAJOR_CHANGES } from '../src/domain/audits';
import { COMMITMENTS } from '../src/workbook/templates';
import { ENTRY_POINTS } from '../src/entry-points';
import type { CornerName } from '../src/sidebar/common/api';
import type { HandlerName, ServerApi } from '../src/sidebar/rituals';
import { refreshTimeZone } from '../src/workbook/layout';
import { type ColumnUseProbe, setColumnUseProbe } from '../src/workbook/table';
import { loadExamplePartnership } from '../src/workbook/load-example';
import { setUpWorkbook } from '../src/workbook/setup';
import { locateTable } from '../src/workbook/layout';
import { BREACHES } from '../src/workbook/templates';
import { type Figure, printTable, record } from './report';
import { type BenchWorkbook, SIDES, ownDataWorkbook, seededCommitmentStatus, seededWorkbook } from './seed';
import { LEGACY_OPEN_CYCLE_PROPERTY, CYCLES_RECORDED_PROPERTY } from '../src/workbook/property-keys';

const ROWS = [10, 10_000];

interface BenchAction {
  name: string;
  /** The workbook the action starts from (default: set up and seeded). */
  start?: (rows: number) => BenchWorkbook;
  /** Runs after Ana has said who she is, before counting starts (e.g. opening the cycle an answer joins). */
  prepare?: (double: AppsScriptDouble) => void;
  /** Runs the action; `last` is the row count, for actions that pick a row. */
  run: (double: AppsScriptDouble, api: ServerApi, last: number) => unknown;
}

/** The handlers as google.script.run reaches them: through the entry points (the sidebar times its calls itself: no write here). */
const api = ENTRY_POINTS as unknown as ServerApi;

/** Each sidebar handler as the bench runs it: `view_` for the ones that only read, `submit_` for saves. */
const HANDLER_ACTIONS: Record<HandlerName, BenchAction> = {
  loadHome: { name: 'view_home', run: () => api.loadHome() },
  loadAssessment: { name: 'view_assessment', run: () => api.loadAssessment() },
  loadResults: { name: 'view_results', run: () => api.loadResults(null) },
  loadCommitments: { name: 'view_sync', run: () => api.loadCommitments() },
  loadCompetenceAudit: { name: 'view_competence_audit', run: () => api.loadCompetenceAudit() },
  loadAlignmentAudit: { name: 'view_alignment_audit', run: () => api.loadAlignmentAudit(null) },
  loadPremortem: { name: 'view_premortem', run: () => api.loadPremortem() },
  loadBreaches: { name: 'view_breaches', run: () => api.loadBreaches() },
  changesSince: { name: 'poll_changes', run: () => api.changesSince(0) },
  adviseDisclosure: {
    name: 'view_disclosure_advice',
    run: () => api.adviseDisclosure({ shared: 'Account list', stage: 'Early', exploitationRisk: 'Low', coordinationValue: 'High', partnerReciprocated: false, performanceCanShow: false }),
  },
  saveIdentity: { name: 'submit_identity', run: () => api.saveIdentity({ displayName: 'Ana', side: SIDES[0] }) },
  setUpWorkbook: { name: 'submit_setup', run: () => api.setUpWorkbook(null) },
  // On a seeded workbook the example is refused (tables have data): the round trips of finding that out.
  loadExample: { name: 'submit_load_example', run: () => api.loadExample() },
  startCycle: { name: 'submit_start_cycle', run: () => api.startCycle(BENCH_CYCLE) },
  submitAssessment: { name: 'submit_assessment', prepare: () => api.startCycle(BENCH_CYCLE), run: () => answerBenchCycle() },
  closeCycle: {
    name: 'submit_close_cycle',
    // A cycle closes with both companies in it: Ben of the partner side answers too.
    prepare: (double) => {
      api.startCycle(BENCH_CYCLE);
      answerBenchCycle();
      answerAsPartner(double);
    },
    run: () => api.closeCycle(BENCH_CYCLE.name),
  },
  closeCycleWithout: {
    name: 'submit_close_cycle_without',
    prepare: () => {
      api.startCycle(BENCH_CYCLE);
      answerBenchCycle();
    },
    run: () => api.closeCycleWithout({ cycle: BENCH_CYCLE.name, side: SIDES[1], reason: 'The partner did not answer in six weeks' }),
  },
  agreeActions: {
    name: 'submit_agree_actions',
    // Actions are agreed for the cycle's focus (the +2 rule across the seeded cycles).
    prepare: () => {
      agreedCorner = api.loadResults('2026-Q4').priority ?? 'Transparency';
    },
    run: () =>
      api.agreeActions('2026-Q4', agreedCorner, [1, 2, 3].map((n) => ({ commitment: `Action ${n}`, ownerSide: SIDES[n % 2], ownerPerson: 'Ana', dueDate: daysAhead(45) }))),
  },
  // Ana's side agrees the cycle's actions and withdraws the first; the replacement is proposed for it.
  proposeReplacement: {
    name: 'submit_propose_replacement',
    prepare: () => {
      const corner = api.loadResults('2026-Q4').priority ?? 'Transparency';
      const agreed = api.agreeActions('2026-Q4', corner, [1, 2, 3].map((n) => ({ commitment: `Action ${n}`, ownerSide: SIDES[0], ownerPerson: 'Ana', dueDate: daysAhead(45) })));
      replacedId = agreed.actions.filter((action) => action.commitment === 'Action 1').at(-1)?.id ?? '';
      api.withdrawCommitment(replacedId);
    },
    run: () => api.proposeReplacement({ replaces: replacedId, commitment: 'Action 1, smaller', ownerSide: SIDES[0], ownerPerson: 'Ana', dueDate: daysAhead(45) }),
  },
  acceptCommitment: { name: 'submit_accept_commitment', prepare: (double) => dueAhead(double, acceptable()), run: () => api.acceptCommitment(acceptable()) },
  declineCommitment: { name: 'submit_decline_commitment', run: () => api.declineCommitment(acceptable(), 'Not this quarter') },
  counterProposeCommitment: {
    name: 'submit_counter_propose_commitment',
    run: () => api.counterProposeCommitment({ id: acceptable(), dueDate: '2026-12-31', commitment: 'Weekly report, with win rates' }),
  },
  withdrawCommitment: { name: 'submit_withdraw_commitment', run: (_d, _a, last) => api.withdrawCommitment(lastProposedBy(last, SIDES[0])) },
  addCommitment: {
    name: 'submit_add_commitment',
    run: () => api.addCommitment({ commitment: 'Weekly report', ownerSide: SIDES[0], ownerPerson: 'Ana', corner: 'Reliability', dueDate: '2026-12-31' }),
  },
  updateCommitment: { name: 'submit_update_commitment', run: (_d, _a, last) => api.updateCommitment({ id: `C-${last}`, status: 'Done', doneOn: '2026-11-20' }) },
  submitCompetenceRating: {
    name: 'submit_competence_rating',
    run: () => api.submitCompetenceRating({ quarter: '2026-Q4', ratedSide: SIDES[1], participant: 'Ana', domainExpertise: 7, executionCapacity: 6, learningVelocity: 5, evidence: '' }),
  },
  addLearningActivity: {
    name: 'submit_learning_activity',
    run: () => api.addLearningActivity({ date: '2026-11-20', side: SIDES[0], person: 'Ana', activity: 'Course', kind: 'Training', hours: 4 }),
  },
  saveAlignmentAnswers: { name: 'submit_alignment_answers', run: () => api.saveAlignmentAnswers({ quarter: '2026-Q4', answers: { [firstAlignmentQuestion()]: 'Growth' } }) },
  markAlignment: { name: 'submit_mark_alignment', run: () => api.markAlignment('2026-Q4', firstAlignmentQuestion(), '') },
  addRisk: {
    name: 'submit_add_risk',
    run: () => api.addRisk({ initiative: 'Launch', risk: 'Slip', likelihood: 'Low', impact: 'High', earlySignal: '', recoveryStandard: '', ownerSide: SIDES[1] }),
  },
  riskToCommitment: { name: 'submit_risk_to_commitment', run: (_d, _a, last) => api.riskToCommitment(`R-${last}`, '2026-12-31') },
  recordDisclosure: {
    name: 'submit_record_disclosure',
    run: () => api.recordDisclosure({ shared: 'Account list', stage: 'Early', exploitationRisk: 'Low', coordinationValue: 'High', partnerReciprocated: false, performanceCanShow: false }),
  },
  recordBreach: { name: 'submit_record_breach', run: () => api.recordBreach({ date: '2026-11-20', what: 'Leak', corner: 'Transparency' }) },
  updateBreach: { name: 'submit_update_breach', run: (_d, _a, last) => api.updateBreach({ id: `B-${last}`, status: 'Reset complete' }) },
  recordMajorChange: { name: 'submit_major_change', run: () => api.recordMajorChange({ change: firstMajorChange(), note: 'New CEO' }) },
  loadScorecard: { name: 'view_scorecard', run: () => api.loadScorecard(null) },
  saveScorecard: { name: 'submit_scorecard', run: () => api.saveScorecard(benchScores()) },
  loadGovernance: { name: 'view_governance', run: () => api.loadGovernance() },
  saveGovernance: { name: 'submit_governance', run: () => api.saveGovernance({ approach: 'Gradual commitment', rationale: 'Two corners are low' }) },
  // The seed decides every breach but the last (bench/seed.ts breachLife), which is decided here.
  decideBreach: {
    name: 'submit_decide_breach',
    prepare: () => clearBreachDecisions(),
    run: (_d, _a, last) => api.decideBreach({ id: `B-${last}`, dishonestyOrDataMisuse: false, partnerAcknowledged: true, recovered: 'Yes', decision: 'Rebuild', reasons: 'Acknowledged' }),
  },
  // The seed's cycles are on the Assessments only: one is started, answered and closed first.
  prepareReview: {
    name: 'submit_prepare_review',
    prepare: (double) => {
      api.startCycle(BENCH_CYCLE);
      answerBenchCycle();
      answerAsPartner(double);
      api.closeCycle(BENCH_CYCLE.name);
    },
    run: () => api.prepareReview(null),
  },
  loadValueExchange: { name: 'view_value_exchange', run: () => api.loadValueExchange(null) },
  recordValueEntry: {
    name: 'submit_value_entry',
    run: () => api.recordValueEntry({ quarter: benchScores().quarter, side: SIDES[1], kind: 'Leads', amount: 12, note: 'Webinar' }),
  },
  addScorecardActionItem: { name: 'submit_scorecard_action_item', prepare: () => api.saveScorecard(benchScores()), run: () => api.addScorecardActionItem(benchScores().quarter, 'Bench action item') },
};

/** Ana's side's scores of the quarter the bench runs in (a quarter is scored once it has begun). */
const benchScores = () => {
  const now = new Date();
  return {
    quarter: `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`,
    corners: { Competence: 7, Reliability: 6, Transparency: 5, Alignment: 8 },
    domainExpertise: 7, executionCapacity: null, learningVelocity: 6, satisfaction: 9, comments: '',
  };
};

let agreedCorner: CornerName = 'Transparency';
let replacedId = '';

/** yyyy-mm-dd `days` from today: agreed actions fall due 30 to 60 days out, counted from the real clock. */
const daysAhead = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Blanks the last breach's Decision (the seed leaves it undecided already; kept so the decided one is always free). */
function clearBreachDecisions(): void {
  const layout = locateTable(SpreadsheetApp.getActiveSpreadsheet(), BREACHES);
  const column = layout.columnOf.get('decision') as number;
  layout.sheet.getRange(layout.sheet.getLastRow(), column).clearContent();
}

/**
 * A cycle name the seed does not use, so starting it is allowed; ad hoc, since a quarterly cycle
 * waits 60 days after the seeded last close and the bench runs on any day (an ad hoc one costs the same).
 */
const BENCH_CYCLE = { name: 'Bench cycle', kind: 'Ad hoc', anonymity: 'Named' } as const;
const answerBenchCycle = () =>
  api.submitAssessment({
    cycle: BENCH_CYCLE.name,
    ratings: { Competence: 7, Reliability: 6, Transparency: 5, Alignment: 8 },
    evidence: { Competence: '', Reliability: '', Transparency: '', Alignment: '' },
  });

/** Ben, of the partner company, answers the bench cycle in his own session; then Ana is back. */
const answerAsPartner = (double: AppsScriptDouble) => {
  double.setActiveUser('ben@beta.example');
  api.saveIdentity({ displayName: 'Ben', side: SIDES[1] });
  answerBenchCycle();
  double.setActiveUser('ana@acme.example');
};

const firstAlignmentQuestion = () => ALIGNMENT_QUESTIONS[0];
const firstMajorChange = () => MAJOR_CHANGES[0];
let acceptableId = '';
const acceptable = () => acceptableId;

/**
 * Gives the seeded proposal the bench accepts a due date 40 days ahead: the seed's dates are in the
 * past, and a proposal already past due is refused (the way out is a counter-proposal).
 */
function dueAhead(double: AppsScriptDouble, id: string): void {
  const row = Number(id.slice('C-'.length)) + 1;
  const column = COMMITMENTS.columns.findIndex((spec) => spec.key === 'dueDate') + 1;
  double.spreadsheet.getSheetByName(COMMITMENTS.title)!.getRange(row, column).setValue(new Date(Date.now() + 40 * 86_400_000));
}

/** The last seeded commitment still Proposed by `side` (seed.ts: statuses, and sides in turn). */
function lastProposedBy(rows: number, side: string): string {
  for (let i = rows - 1; i >= 0; i--) {
    if (seededCommitmentStatus(i, rows) === 'Proposed' && SIDES[i % SIDES.length] === side) return `C-${i + 1}`;
  }
  throw new Error(`no commitment proposed by ${side} among ${rows} rows`);
}
const lastProposedByPartner = (rows: number): string => lastProposedBy(rows, SIDES[1]);

/** A single-cell edit as the simple onEdit trigger receives it. */
function editEvent(double: AppsScriptDouble, sheetName: string, row: number, column: number, value: string) {
  const range = double.spreadsheet.getSheetByName(sheetName)!.getRange(row, column);
  range.setValue(value);
  const event = {
    range,
    value,
    oldValue: 'before',
    source: double.spreadsheet,
    authMode: double.globals.ScriptApp.AuthMode.LIMITED,
    triggerUid: '',
    user: double.globals.Session.getActiveUser(),
  } as unknown as GoogleAppsScript.Events.SheetsOnEdit;
  // Sheets commits the typed value before the trigger runs: only the trigger is counted.
  double.endExecution();
  double.calls.reset();
  return event;
}

const WORKBOOK_ACTIONS: BenchAction[] = [
  { name: 'setup', start: ownDataWorkbook, run: () => setUpWorkbook() },
  // The Repair menu item without its alert: set-up's checks, then the closed cycles' summaries.
  { name: 'repair', run: () => repairWorkbook() },
  // An older workbook's first Repair: its cycles only in the Assessments column, a sealed one still
  // open in the old document property (cycle-repair.ts records them; reads first, then writes).
  {
    name: 'repair_record_cycles',
    start: (rows) => {
      const seeded = seededWorkbook(rows, { cycles: 'legacy' });
      const properties = seeded.double.globals.PropertiesService.getDocumentProperties();
      properties.deleteProperty(CYCLES_RECORDED_PROPERTY);
      properties.setProperty(LEGACY_OPEN_CYCLE_PROPERTY, JSON.stringify({ cycle: '2026-Q4', sealed: true, minimumPerSide: 3 }));
      seeded.double.endExecution();
      seeded.double.calls.reset();
      return seeded;
    },
    run: () => setUpWorkbook(),
  },
  { name: 'load_example', start: ownDataWorkbook, run: () => loadExamplePartnership(new Date('2026-11-20T10:00:00Z')) },
  {
    name: 'edit_untracked',
    start: (rows) => {
      const seeded = seededWorkbook(rows);
      seeded.double.spreadsheet.insertSheet('Our notes');
      return seeded;
    },
    run: (double) => {
      const event = editEvent(double, 'Our notes', 3, 2, 'a note');
      double.runSimpleTrigger('LIMITED', () => onEdit(event));
    },
  },
  // Row 6 of the Commitments Log, its Status column (8th).
  {
    name: 'edit_stamp',
    run: (double) => {
      const event = editEvent(double, 'Shared Commitments Log', 6, 8, 'At risk');
      double.runSimpleTrigger('LIMITED', () => onEdit(event));
    },
  },
  // The last row: too far down to read the header row with it (src/workbook/stamp.ts).
  {
    name: 'edit_stamp_far',
    run: (double, _api, last) => {
      const event = editEvent(double, 'Shared Commitments Log', last + 1, 8, 'At risk');
      double.runSimpleTrigger('LIMITED', () => onEdit(event));
    },
  },
];

/** Runs `action` on a fresh workbook of `rows` rows and returns its round-trip line. */
function measure(action: BenchAction, rows: number): Figure {
  const { double, uninstall } = (action.start ?? seededWorkbook)(rows);
  try {
    if (!action.start) {
      // Ana has opened the sidebar (which keeps the time zone) and said who she is in this
      // workbook, as anyone using the sidebar has; not counted.
      refreshTimeZone();
      api.saveIdentity({ displayName: 'Ana', side: SIDES[0] });
      acceptableId = lastProposedByPartner(rows);
      action.prepare?.(double);
      double.endExecution();
      double.calls.reset();
    }
    let error = '';
    if (TRACED === action.name) traceCalls(double, rows);
    const needed = new ColumnsNeeded();
    setColumnUseProbe(needed);
    try {
      action.run(double, api, rows);
    } catch (e) {
      error = (e as Error).message;
    }
    double.endExecution();
    double.calls.beforeEach(null);
    setColumnUseProbe(null);
    if (TRACED === action.name) console.log(`columns looked at:\n  ${needed.describe()}`);
    const counts = double.roundTrips.counts();
    // The user's wait in Sheets, priced as --latency=sheets prices it (runtime/README.md: the cost model).
    const figure: Figure = { bench: `roundtrips:${action.name}`, rows, ...counts, cells_needed: needed.cells(), est_ms: Math.round(pricedMs(counts)) };
    if (error) figure.error = error;
    return figure;
  } finally {
    uninstall();
  }
}

/**
 * The cells of the columns an action needs: for each table it read, the rows read times the
 * columns whose values it then looked at (cells_read over this is the budget's 1.2×).
 */
class ColumnsNeeded implements ColumnUseProbe {
  private readonly rowsOf = new Map<string, number>();
  private readonly used = new Map<string, Set<string>>();

  tableRead(table: string, gridRows: number): void {
    this.rowsOf.set(table, Math.max(this.rowsOf.get(table) ?? 0, gridRows));
  }

  columnUsed(table: string, key: string): void {
    let keys = this.used.get(table);
    if (!keys) this.used.set(table, (keys = new Set()));
    keys.add(key);
  }

  describe(): string {
    return [...this.rowsOf.keys()].map((table) => `${table}: ${[...(this.used.get(table) ?? [])].join(', ')}`).join('\n  ');
  }

  cells(): number {
    let total = 0;
    for (const [table, rows] of this.rowsOf) total += rows * (this.used.get(table)?.size ?? 0);
    return total;
  }
}

/** `npm run bench -- roundtrips --trace=<action>` lists the calls of one action that cost a round trip. */
const TRACED = process.argv.find((arg) => arg.startsWith('--trace='))?.slice('--trace='.length) ?? '';

function traceCalls(double: AppsScriptDouble, rows: number): void {
  let step = 0;
  console.log(`trace of ${TRACED} at ${rows} rows (free and queued calls left out):`);
  double.calls.beforeEach((key) => {
    const [className, method] = key.split('.');
    const kind = kindOf(className, method);
    if (kind === 'free' || kind === 'write') return;
    const callers = (new Error().stack ?? '').split('\n').filter((line) => line.includes('/src/')).slice(0, 3);
    const where = callers.map((line) => /at (\S+)/.exec(line.trim())?.[1] ?? '?').join(' < ');
    console.log(`  ${++step}. ${key} (${kind}) ${where}`);
  });
}

/** `sizes` defaults to 10 and 10,000 rows; the performance doc's test runs the 10-row half alone (seconds, not minutes). */
export function benchRoundTrips(sizes: readonly number[] = ROWS): Figure[] {
  const figures: Figure[] = [];
  const actions = [...WORKBOOK_ACTIONS, ...Object.values(HANDLER_ACTIONS)];
  for (const action of TRACED ? actions.filter((candidate) => candidate.name === TRACED) : actions) {
    for (const rows of sizes) {
      const figure = measure(action, rows);
      record(figure);
      figures.push(figure);
    }
  }
  printTable('Round trips per action (runtime/README.md: the cost model)', figures);
  return figures;
}
