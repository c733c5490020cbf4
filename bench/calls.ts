import { createAppsScriptDouble } from '../runtime/apps-script';
import { setUpWorkbook } from '../src/workbook/setup';
import { saveIdentity } from '../src/workbook/identity';
import { stampEdit } from '../src/workbook/stamp';
import { readSnapshot } from '../src/sidebar/common/read-model';
import { locateTable } from '../src/workbook/layout';
import { Workbook } from '../src/workbook/workbook';
import { appendRows } from '../src/workbook/table';
import { ASSESSMENTS, COMMITMENTS } from '../src/workbook/templates';
import { SIDEBAR_HANDLERS } from '../src/sidebar/server';
import { type Figure, printTable, record } from './report';

const SIDES = ['Acme', 'Beta'];

/** A set-up workbook with `rows` commitments and assessments (seeding is not counted). */
function workbookWith(rows: number) {
  const double = createAppsScriptDouble();
  const uninstall = double.install(globalThis);
  setUpWorkbook();
  double.spreadsheet.getSheetByName('Partnership')!.getRange(2, 1, 1, 3).setValues([["'Acme", "'Beta", 'Strategic']]);
  appendRows(
    locateTable(double.spreadsheet, COMMITMENTS),
    Array.from({ length: rows }, (_, i) => ({ id: `C-${i + 1}`, commitment: `c${i}`, ownerSide: SIDES[i % 2], ownerPerson: `p${i % 7}`, dueDate: new Date(2026, 0, 1 + (i % 300)), status: 'Open' })),
  );
  appendRows(
    locateTable(double.spreadsheet, ASSESSMENTS),
    Array.from({ length: rows }, (_, i) => ({ cycle: `2026-Q${1 + (i % 4)}`, date: new Date(2026, i % 12, 1), side: SIDES[i % 2], responses: 1, competence: 1 + (i % 10), reliability: 5, transparency: 6, alignment: 7 })),
  );
  double.calls.reset();
  return { double, uninstall };
}

const api = SIDEBAR_HANDLERS;
const asAna = (double: ReturnType<typeof createAppsScriptDouble>): void => {
  saveIdentity({ displayName: 'Ana', side: 'Acme' });
  double.calls.reset();
};

const ACTIONS: Record<string, (double: ReturnType<typeof createAppsScriptDouble>) => void> = {
  setup: () => setUpWorkbook(),
  repair: (double) => {
    double.spreadsheet.getSheetByName('Assessments')!.setName('Ratings');
    double.calls.reset();
    setUpWorkbook();
  },
  append_commitment: (double) => { asAna(double); api.addCommitment({ commitment: 'new', ownerSide: 'Acme', ownerPerson: 'Ana', corner: 'Reliability', dueDate: '2099-12-31' }); },
  update_status: (double) => { asAna(double); api.updateCommitment({ id: 'C-5', status: 'Done', doneOn: '2026-11-20' }); },
  edit_stamp: (double) => {
    const cell = double.spreadsheet.getSheetByName('Shared Commitments Log')!.getRange(6, 8);
    double.calls.reset();
    stampEdit({ range: cell, value: 'At risk', oldValue: 'Open' } as unknown as GoogleAppsScript.Events.SheetsOnEdit);
  },
  dashboard_inputs: () => readSnapshot(new Workbook()),
  view_home: (double) => { asAna(double); api.loadHome(); },
  view_assessment: (double) => { asAna(double); api.loadAssessment(); },
  view_results: (double) => { asAna(double); api.loadResults(null); },
  view_sync: (double) => { asAna(double); api.loadCommitments(); },
  view_competence: (double) => { asAna(double); api.loadCompetenceAudit(); },
  view_alignment: (double) => { asAna(double); api.loadAlignmentAudit(null); },
  view_premortem: (double) => { asAna(double); api.loadPremortem(); },
  view_breaches: (double) => { asAna(double); api.loadBreaches(); },
  submit_assessment: (double) => {
    asAna(double);
    api.startCycle({ name: '2026-Q4 bench', kind: 'Quarterly', anonymity: 'Named' });
    double.calls.reset();
    api.submitAssessment({ cycle: '2026-Q4 bench', ratings: { Competence: 7, Reliability: 6, Transparency: 5, Alignment: 8 }, evidence: { Competence: '', Reliability: '', Transparency: '', Alignment: '' } });
  },
  submit_competence: (double) => {
    asAna(double);
    api.submitCompetenceRating({ quarter: '2026-Q4', ratedSide: 'Beta', participant: 'Ana', domainExpertise: 7, executionCapacity: 6, learningVelocity: 5, evidence: '' });
  },
  add_risk: (double) => {
    asAna(double);
    api.addRisk({ initiative: 'Launch', risk: 'Slip', likelihood: 'Low', impact: 'High', earlySignal: '', recoveryStandard: '', ownerSide: 'Beta' });
  },
  record_disclosure: (double) => {
    asAna(double);
    api.recordDisclosure({ shared: 'Account list', stage: 'Early', exploitationRisk: 'Low', coordinationValue: 'High', partnerReciprocated: false, performanceCanShow: false });
  },
  record_breach: (double) => { asAna(double); api.recordBreach({ date: '2020-11-20', what: 'Leak', corner: 'Transparency' }); },
};

export function benchServiceCalls(): Figure[] {
  const figures: Figure[] = [];
  for (const [name, action] of Object.entries(ACTIONS)) {
    for (const rows of name.startsWith('view_') ? [10, 10_000] : [10, 1_000, 10_000]) {
      const { double, uninstall } = workbookWith(rows);
      try {
        action(double);
        const figure = { bench: `calls:${name}`, rows, calls: double.calls.total() };
        record(figure);
        figures.push(figure);
      } finally {
        uninstall();
      }
    }
  }
  printTable('Service calls per action (the Apps Script double counts every call)', figures);
  return figures;
}
