/**
 * Issue 19's cycle rules on the server: a cycle closes with both companies in it (or explicitly
 * without one, with a reason), a quarterly cycle waits 60 days after a close, a cycle's settings
 * cannot be retyped in the sheet, and every decision leaves a chained Change History row that
 * Verify history covers.
 */
import { describe, expect, it, vi } from 'vitest';
import { SIDEBAR_HANDLERS as api } from '../../src/sidebar/server';
import { verifyHistory } from '../../src/workbook/verify-history';
import { CYCLES, HISTORY } from '../../src/workbook/templates';
import { ANA, BEN, as, asAna, asBen, double, useWorkbookDouble } from '../support/workbook-double';

useWorkbookDouble();

const NO_EVIDENCE = { Competence: '', Reliability: '', Transparency: '', Alignment: '' };
const RATINGS = { Competence: 7, Reliability: 6, Transparency: 5, Alignment: 8 };
const answer = (cycle: string, evidence = NO_EVIDENCE) => api.submitAssessment({ cycle, ratings: RATINGS, evidence });

const history = () => double.inspect.values(HISTORY.title).slice(1);
const column = (key: string) => HISTORY.columns.findIndex((spec) => spec.key === key);
/** The Change History as [who, sheet, row id, field, old, new]. */
const decisions = () => history().map((row) => ['who', 'sheet', 'rowId', 'field', 'oldValue', 'newValue'].map((key) => row[column(key)]));
const cyclesRow = (name: string) => {
  const [headers, ...rows] = double.inspect.values(CYCLES.title);
  const row = rows.find((candidate) => candidate[0] === name) as unknown[];
  return Object.fromEntries(CYCLES.columns.map((spec) => [spec.key, row[headers.indexOf(spec.header)]]));
};
const cyclesCell = (name: string, key: string) => {
  const sheet = double.spreadsheet.getSheetByName(CYCLES.title)!;
  const [headers, ...rows] = double.inspect.values(CYCLES.title);
  const rowNumber = rows.findIndex((candidate) => candidate[0] === name) + 2;
  return sheet.getRange(rowNumber, headers.indexOf(CYCLES.columns.find((spec) => spec.key === key)!.header) + 1);
};
const later = (days: number) => vi.setSystemTime(new Date(Date.now() + days * 86_400_000));

describe('a cycle closes with both companies in it', () => {
  it('refuses a close one company has not answered, naming it and the counts, and writes nothing', () => {
    asAna();
    api.startCycle({ name: '2026-Q4', kind: 'Quarterly', anonymity: 'Named' });
    answer('2026-Q4');
    as('cy@acme.example', 'Cy', 'Acme');
    answer('2026-Q4');
    const before = JSON.stringify(double.inspect.values(CYCLES.title));
    const rowsBefore = history().length;
    expect(() => api.closeCycle('2026-Q4')).toThrow(
      'Cycle "2026-Q4" cannot close yet: Beta is not in it (Acme 2, Beta 0). A cycle closes with both companies in it. Wait for Beta\'s answers, or close it without Beta and write down why.',
    );
    expect(JSON.stringify(double.inspect.values(CYCLES.title))).toBe(before);
    expect(history().length).toBe(rowsBefore);

    asBen();
    answer('2026-Q4');
    const view = api.closeCycle('2026-Q4');
    expect(view.openCycle).toBeNull();
    expect(cyclesRow('2026-Q4')).toMatchObject({ closedBy: 'Ben (Beta)', oneSided: '', oneSidedReason: '' });
    expect(decisions().at(-1)).toEqual(['Ben (Beta)', 'Cycles', '2026-Q4', 'Cycle closed', '', expect.stringMatching(/^both companies in it \(Acme 2, Beta 1\); focus \w+; next reassessment 2027-02-28$/)]);
  });

  it('a sealed side is in the cycle once its means are written, not before', () => {
    asAna();
    api.startCycle({ name: 'Sealed', kind: 'Quarterly', anonymity: 'Sealed', sealedMinimum: 3 });
    for (const [email, name] of [['ana@acme.example', 'Ana'], ['cy@acme.example', 'Cy'], ['di@acme.example', 'Di']]) {
      as(email, name, 'Acme');
      answer('Sealed');
    }
    asBen();
    answer('Sealed');
    expect(() => api.closeCycle('Sealed')).toThrow('Cycle "Sealed" cannot close yet: Beta is not in it (Acme 3, Beta 1 of the 3 a sealed side needs).');
  });

  it('closes without a company explicitly, with a reason on the Cycles sheet, in the history, Results and the review pack', () => {
    asAna();
    api.startCycle({ name: '2026-Q4', kind: 'Quarterly', anonymity: 'Named' });
    answer('2026-Q4');
    expect(() => api.closeCycleWithout({ cycle: '2026-Q4', side: 'Acme', reason: 'x' })).toThrow(/Acme is in cycle "2026-Q4" \(Acme 1, Beta 0\)/);
    expect(() => api.closeCycleWithout({ cycle: '2026-Q4', side: 'Beta', reason: '' })).toThrow(/reason/);
    api.closeCycleWithout({ cycle: '2026-Q4', side: 'Beta', reason: 'Beta has not answered in six weeks' });
    expect(cyclesRow('2026-Q4')).toMatchObject({ closedBy: 'Ana (Acme)', oneSided: 'Beta', oneSidedReason: 'Beta has not answered in six weeks' });
    expect(decisions().at(-1)).toEqual([
      'Ana (Acme)', 'Cycles', '2026-Q4', 'Cycle closed one-sided', '',
      expect.stringMatching(/^one-sided, without Beta \(Acme 1, Beta 0\): Beta has not answered in six weeks; focus \w+; next reassessment 2027-02-28$/),
    ]);
    const results = api.loadResults('2026-Q4');
    expect(results.oneSided).toEqual({ without: 'Beta', reason: 'Beta has not answered in six weeks' });
    const pack = api.prepareReview('2026-Q4');
    expect(pack.oneSided).toEqual({ without: 'Beta', reason: 'Beta has not answered in six weeks' });
    expect(double.inspect.values('Review pack').flat().join('\n')).toContain('One-sided: closed without Beta. Reason: Beta has not answered in six weeks');
  });
});

describe('a quarterly cycle is not started again within 60 days of the last close', () => {
  const closeBoth = (name: string) => {
    asAna();
    answer(name);
    asBen();
    answer(name);
    api.closeCycle(name);
  };

  it('is refused the day after a close with a clear message; an ad hoc cycle says why and is allowed; 60 days later it opens', () => {
    asAna();
    api.startCycle({ name: '2026-Q4', kind: 'Quarterly', anonymity: 'Named' });
    closeBoth('2026-Q4');
    later(1);
    asAna();
    expect(() => api.startCycle({ name: '2026-Q4 again', kind: 'Quarterly', anonymity: 'Named' })).toThrow(
      'Cycle "2026-Q4" closed on 2026-11-30, 1 day ago: a quarterly cycle starts at the earliest 60 days after the last close (from 2027-01-29).',
    );
    expect(api.loadAssessment()).toMatchObject({ offer: null, quarterlyOpensOn: '2027-01-29' });
    api.recordMajorChange({ change: 'Leadership change', note: 'New CEO at Beta' });
    expect(api.loadAssessment().offer).toMatchObject({ kind: 'Ad hoc', reason: 'major-change' });
    api.startCycle({ name: '2026-12 ad hoc', kind: 'Ad hoc', anonymity: 'Named' });
    closeBoth('2026-12 ad hoc');
    later(60);
    asAna();
    expect(api.loadAssessment().quarterlyOpensOn).toBeNull();
    expect(api.startCycle({ name: '2027-Q1', kind: 'Quarterly', anonymity: 'Named' }).openCycle?.name).toBe('2027-Q1');
  });
});

describe('a cycle\'s settings are fixed when it opens', () => {
  it('typing 2 into Sealed minimum or Named into Anonymity of an open sealed cycle changes nothing; the sheet is put back and the history says so', () => {
    asAna();
    api.startCycle({ name: 'Sealed', kind: 'Quarterly', anonymity: 'Sealed', sealedMinimum: 3 });
    cyclesCell('Sealed', 'sealedMinimum').setValue(2);
    cyclesCell('Sealed', 'anonymity').setValue('Named');
    expect(api.loadAssessment().openCycle).toMatchObject({ anonymity: 'Sealed', minimumPerSide: 3 });

    as('cy@acme.example', 'Cy', 'Acme');
    const first = answer('Sealed');
    expect(first).toMatchObject({ sealed: true, writtenSides: [] });
    asAna();
    const second = answer('Sealed');
    // Two answers with the minimum typed as 2 would have written a means row of two people.
    expect(second).toMatchObject({ sealed: true, answeredBySide: { Acme: 2 }, writtenSides: [] });
    const assessments = double.inspect.values('Assessments').slice(1).filter((row) => row[0] === 'Sealed');
    expect(assessments).toEqual([]);
    expect(cyclesRow('Sealed')).toMatchObject({ anonymity: 'Sealed', sealedMinimum: 3 });
    expect(decisions().filter((row) => String(row[3]).includes('typed by hand'))).toEqual([
      ['Trust Corners (settings fixed when a cycle opens)', 'Cycles', 'Sealed', 'Anonymity: typed by hand, put back', 'Named', 'Sealed'],
      ['Trust Corners (settings fixed when a cycle opens)', 'Cycles', 'Sealed', 'Sealed minimum: typed by hand, put back', '2', '3'],
    ]);
    expect(verifyHistory().verified).toBe(true);
  });

  it('Repair puts a retyped setting back too', () => {
    asAna();
    api.startCycle({ name: 'Sealed', kind: 'Quarterly', anonymity: 'Sealed', sealedMinimum: 4 });
    cyclesCell('Sealed', 'sealedMinimum').setValue(1);
    api.setUpWorkbook(null);
    expect(cyclesRow('Sealed')).toMatchObject({ sealedMinimum: 4 });
    expect(decisions().at(-1)).toEqual(['Trust Corners (settings fixed when a cycle opens)', 'Cycles', 'Sealed', 'Sealed minimum: typed by hand, put back', '1', '4']);
  });
});

describe('a sealed cycle keeps no evidence text', () => {
  it('refuses an answer with evidence, naming the corners, and writes nothing', () => {
    asAna();
    api.startCycle({ name: 'Sealed', kind: 'Quarterly', anonymity: 'Sealed', sealedMinimum: 3 });
    expect(() => answer('Sealed', { ...NO_EVIDENCE, Reliability: 'Late twice', Alignment: 'Roadmap' })).toThrow(
      '"Sealed" is a sealed cycle: evidence text is not kept in a sealed cycle (it could name who wrote it). Clear the evidence for Reliability, Alignment; bring it to the review instead.',
    );
    expect(api.loadAssessment().openCycle?.answeredBySide).toEqual({});
  });
});

describe('every decision leaves a chained Change History row', () => {
  it('opening, answering, proposing, negotiating, governance, disclosure, major change, breach, reset steps, rebuild or exit and closing: each a row, and Verify history passes, then fails after a hand edit', () => {
    asAna();
    api.startCycle({ name: 'Sealed', kind: 'Quarterly', anonymity: 'Sealed', sealedMinimum: 3 });
    answer('Sealed');
    asBen();
    answer('Sealed');
    asAna();
    const proposed = api.addCommitment({ commitment: 'Share the roadmap', ownerSide: 'Acme', ownerPerson: 'Ana', corner: 'Alignment', dueDate: '2027-01-10' }).commitments;
    const first = proposed[proposed.length - 1].id;
    const second = api.addCommitment({ commitment: 'Weekly call', ownerSide: 'Acme', ownerPerson: 'Ana', corner: '', dueDate: '2027-01-10' }).commitments.at(-1)!.id;
    const third = api.addCommitment({ commitment: 'Pricing notice', ownerSide: 'Acme', ownerPerson: 'Ana', corner: '', dueDate: '2027-01-10' }).commitments.at(-1)!.id;
    const fourth = api.addCommitment({ commitment: 'Joint demo', ownerSide: 'Acme', ownerPerson: 'Ana', corner: '', dueDate: '2027-01-10' }).commitments.at(-1)!.id;
    api.withdrawCommitment(fourth);
    asBen();
    api.acceptCommitment(first);
    api.declineCommitment(second, 'Not this quarter');
    api.counterProposeCommitment({ id: third, dueDate: '2027-01-20' });
    asAna();
    api.saveGovernance({ approach: 'Gradual commitment', rationale: 'Start small' });
    api.saveGovernance({ approach: 'Blend', rationale: 'Safeguards for data' });
    api.recordDisclosure({ shared: 'Target industries', stage: 'Early', exploitationRisk: 'Low', coordinationValue: 'High', partnerReciprocated: false, performanceCanShow: false });
    api.recordMajorChange({ change: 'Launch', note: 'New product' });
    const breach = api.recordBreach({ date: '2026-11-20', what: 'Pricing sheet leaked', corner: 'Transparency' }).breaches[0].id;
    api.updateBreach({ id: breach, acknowledgedOn: '2026-11-21' });
    api.decideBreach({ id: breach, dishonestyOrDataMisuse: false, partnerAcknowledged: true, recovered: 'Not yet known', decision: 'Rebuild', reasons: 'Owned at once' });

    const rows = decisions();
    const fields = rows.map((row) => row[3]);
    expect(rows[0]).toEqual(['Ana (Acme)', 'Cycles', 'Sealed', 'Cycle opened', '', 'Quarterly, sealed, means written from 3 answers per side']);
    // A sealed answer names nobody and carries no ratings.
    expect(rows.filter((row) => row[3] === 'Answer')).toEqual([
      ['', 'Assessments', 'Sealed', 'Answer', '', 'an answer to a sealed cycle'],
      ['', 'Assessments', 'Sealed', 'Answer', '', 'an answer to a sealed cycle'],
    ]);
    expect(fields.filter((field) => field === 'Commitment proposed').length).toBe(4);
    expect(rows).toContainEqual(['Ana (Acme)', 'Shared Commitments Log', fourth, 'Status', 'Proposed', 'Withdrawn']);
    expect(rows).toContainEqual(['Ben (Beta)', 'Shared Commitments Log', first, 'Accepted by', '', 'Ben (Beta)']);
    expect(rows).toContainEqual(['Ben (Beta)', 'Shared Commitments Log', second, 'Status', 'Proposed', 'Declined']);
    expect(rows).toContainEqual(['Ben (Beta)', 'Shared Commitments Log', second, 'Declined because', '', 'Not this quarter']);
    expect(rows).toContainEqual(['Ben (Beta)', 'Shared Commitments Log', third, 'Due date', '2027-01-10', '2027-01-20']);
    expect(rows).toContainEqual(['Ana (Acme)', 'Partnership', 'Partnership', 'Governance approach chosen', '', expect.stringMatching(/^Gradual commitment: Start small; review due /)]);
    expect(rows).toContainEqual(['Ana (Acme)', 'Partnership', 'Partnership', 'Governance approach changed', 'Gradual commitment: Start small', expect.stringMatching(/^Blend: Safeguards for data; review due /)]);
    expect(rows).toContainEqual(['Ana (Acme)', 'Disclosure Ledger', 'D-001', 'Disclosure', '', 'Acme shared (Early stage): Target industries']);
    expect(rows).toContainEqual(['Ana (Acme)', 'Partnership', 'Partnership', 'Major change', '', 'Launch: New product; the reassessment is due now']);
    expect(rows).toContainEqual(['Ana (Acme)', 'Breaches', breach, 'Breach recorded', '', 'Transparency, 2026-11-20: Pricing sheet leaked; reset under way']);
    expect(rows).toContainEqual(['Ana (Acme)', 'Breaches', breach, 'Acknowledged on', '', '2026-11-21']);
    expect(rows).toContainEqual(['Ana (Acme)', 'Breaches', breach, 'Rebuild or exit decided', '', 'Rebuild. Reasons: Owned at once']);
    // Nothing in the history carries a sealed rating.
    expect(history().flat().filter((value) => value === 7 || value === '7')).toEqual([]);

    const check = verifyHistory();
    expect(check.verdict?.problems).toEqual([]);
    expect(check.verified).toBe(true);
    // Someone edits a decision by hand: Verify history names the row.
    const sheet = double.spreadsheet.getSheetByName(HISTORY.title)!;
    const declined = rows.findIndex((row) => row[3] === 'Declined because') + 2;
    sheet.getRange(declined, column('newValue') + 1).setValue("'We never declined");
    const after = verifyHistory();
    expect(after.verified).toBe(false);
    expect(after.verdict?.problems).toEqual([`row ${declined} was changed after it was written`]);
    void ANA;
    void BEN;
  });
});
