/** The Alignment Audit: each side answers the questions; both mark them side by side. */
import { ALIGNMENT_MARKS, ALIGNMENT_QUESTIONS, shareAligned, type AlignmentMark } from '../../domain/audits';
import { quarterOf } from '../../domain/calendar';
import { Workbook } from '../../workbook/workbook';
import { type CellValue, readRows, textOf } from '../../workbook/table';
import { ALIGNMENT_AUDIT } from '../../workbook/templates';
import type { WritePlan } from '../../workbook/write-plan';
import type { Ritual } from '../ritual';
import type { AlignmentApi, AlignmentAuditView } from './api';
import { publicIdentity, viewerOf } from '../common/caller';
import { readPartnership } from '../common/read-model';
import { saveThenShow, today } from '../common/request';
import { ALIGNMENT_ARGUMENTS } from './inputs';

function loadAlignmentAudit(quarter: string | null, workbook = new Workbook()): AlignmentAuditView {
  const { sides } = readPartnership(workbook);
  const rows = readRows(workbook.layout(ALIGNMENT_AUDIT));
  const quarters = [...new Set(rows.map((row) => textOf(row.values.quarter)).filter((q) => q !== ''))].sort().reverse();
  const wanted = String(quarter ?? '').trim() || quarters[0] || quarterOf(workbook.calendar, today());
  const questions = ALIGNMENT_QUESTIONS.map((question) => {
    const row = rows.find((candidate) => textOf(candidate.values.quarter) === wanted && textOf(candidate.values.question) === question);
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
    shareAligned: shareAligned(questions.map((q) => (ALIGNMENT_MARKS as readonly string[]).includes(q.mark) ? (q.mark as AlignmentMark) : '')),
  };
}

/** Plans one field of each (quarter, question) row, adding the row on its first answer; rows are read once, inside the lock. */
function planAlignment(plan: WritePlan, workbook: Workbook, quarter: string, field: 'ourAnswer' | 'partnerAnswer' | 'mark', values: ReadonlyArray<[string, CellValue]>): void {
  const layout = workbook.layout(ALIGNMENT_AUDIT);
  const rows = readRows(layout);
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
