/** The Alignment Audit: each side answers the questions; both mark them side by side. */
import { ALIGNMENT_MARKS, ALIGNMENT_QUESTIONS, shareAligned, type AlignmentMark } from '../../domain/audits';
import { quarterOf } from '../../domain/calendar';
import { isQuarterLabel } from '../../domain/scorecard';
import { Workbook } from '../../workbook/workbook';
import { type AlignmentRead, readAlignment } from '../../workbook/alignment-read';
import { type CellValue, textOf } from '../../workbook/table';
import { ALIGNMENT_AUDIT } from '../../workbook/templates';
import type { WritePlan } from '../../workbook/write-plan';
import type { Ritual } from '../ritual';
import type { AlignmentApi, AlignmentAuditView } from './api';
import type { OlderQuarters } from '../common/api';
import { publicIdentity, viewerOf } from '../common/caller';
import { readPartnership } from '../common/read-model';
import { saveThenShow, today } from '../common/request';
import { ALIGNMENT_ARGUMENTS } from './inputs';

/**
 * The quarters a view lists and the one it shows. Quarters only counted in the settled rows
 * (alignment-read.ts) are not listed, nor any label on the sheet that sorts among them, and the
 * view says so; the latest quarter of all is always a listed one (the kept quarters come after
 * every counted one), so the quarter shown first is the one a whole read shows.
 */
function quartersOf(asked: string | null, read: AlignmentRead, current: string): { wanted: string; quarters: string[]; olderQuarters: OlderQuarters | null } {
  const older = read.older;
  const hidden = (label: string): boolean => older !== null && isQuarterLabel(label) && label <= older.through;
  const labels = read.unsettled.map((row) => textOf(row.values.quarter)).filter((label) => label !== '');
  const quarters = [...new Set([...labels.filter((label) => !hidden(label)), ...read.kept])].sort().reverse();
  const wanted = asked ?? quarters[0] ?? current;
  if (older === null) return { wanted, quarters, olderQuarters: null };
  // Rows after the settled ones that name a counted quarter are counted with them.
  const hiddenAfter = labels.filter(hidden);
  const from = hiddenAfter.reduce((earliest, label) => (label < earliest ? label : earliest), older.from);
  return { wanted, quarters, olderQuarters: { from, through: older.through, rows: older.rows + hiddenAfter.length } };
}

function loadAlignmentAudit(quarter: string | null, workbook = new Workbook()): AlignmentAuditView {
  const { sides } = readPartnership(workbook);
  const asked = String(quarter ?? '').trim() || null;
  const read = readAlignment(workbook, asked);
  const { wanted, quarters, olderQuarters } = quartersOf(asked, read, quarterOf(workbook.calendar, today()));
  const questions = ALIGNMENT_QUESTIONS.map((question) => {
    const row = read.rows.find((candidate) => textOf(candidate.values.quarter) === wanted && textOf(candidate.values.question) === question);
    return {
      question,
      ours: row ? textOf(row.values.ourAnswer) : '',
      partner: row ? textOf(row.values.partnerAnswer) : '',
      mark: row ? textOf(row.values.mark) : '',
    };
  });
  return {
    identity: publicIdentity(viewerOf(workbook)),
    sides,
    quarter: wanted,
    quarters: quarters.includes(wanted) ? quarters : [wanted, ...quarters],
    questions,
    marks: [...ALIGNMENT_MARKS],
    olderQuarters,
    shareAligned: shareAligned(questions.map((q) => (ALIGNMENT_MARKS as readonly string[]).includes(q.mark) ? (q.mark as AlignmentMark) : '')),
  };
}

/** Plans one field of each (quarter, question) row, adding the row on its first answer; rows are read once, inside the lock. */
function planAlignment(plan: WritePlan, workbook: Workbook, quarter: string, field: 'ourAnswer' | 'partnerAnswer' | 'mark', values: ReadonlyArray<[string, CellValue]>): void {
  const layout = workbook.layout(ALIGNMENT_AUDIT);
  // The quarter's rows (settled ones too) and every row after the settled ones: an answer's row is found wherever it is.
  const { rows } = readAlignment(workbook, quarter);
  const added: Array<Record<string, CellValue>> = [];
  for (const [question, value] of values) {
    const row = rows.find((candidate) => textOf(candidate.values.quarter) === quarter && textOf(candidate.values.question) === question);
    if (row) plan.update(layout, row.rowNumber, { [field]: value });
    else added.push({ quarter, question, [field]: value });
  }
  plan.append(layout, added);
}

const handlers: AlignmentApi = {
  loadAlignmentAudit: (quarter) => loadAlignmentAudit(quarter ?? null),
  saveAlignmentAnswers: (input) =>
    saveThenShow('Save alignment answers', ({ workbook, plan, sides, caller }) => {
      const known = sides();
      const field = caller(known).side === known[0] ? 'ourAnswer' : 'partnerAnswer';
      planAlignment(plan, workbook, input.quarter, field, Object.entries(input.answers).map(([question, answer]) => [question, answer ?? '']));
    }, (workbook) => loadAlignmentAudit(input.quarter, workbook)),
  markAlignment: (quarter, question, mark) =>
    saveThenShow('Mark alignment', ({ workbook, plan, caller }) => {
      caller();
      planAlignment(plan, workbook, quarter, 'mark', [[question, mark]]);
    }, (workbook) => loadAlignmentAudit(quarter, workbook)),
};

export const ALIGNMENT: Ritual<AlignmentApi> = { handlers, arguments: ALIGNMENT_ARGUMENTS };
