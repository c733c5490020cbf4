import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { zoneCalendar } from '../../src/domain/calendar';
import {
  type CycleRecord, CycleRuleError, closeCycle, closeProblem, cycleForAnswer, cycleNameProblem, cycleState, cycleToOffer, placeAnswer, openCycle, openCycleOf, quarterlyOpensOn, quarterlyTooSoon,
  suggestCycleName,
} from '../../src/domain/cycles';

const utc = zoneCalendar('UTC');
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const SIDES = ['Acme', 'Beta'];
const ana = { name: 'Ana', side: 'Acme' };
const ben = { name: 'Ben', side: 'beta ' };
/** Both companies answered. */
const BOTH = { Acme: 1, Beta: 1 };

const closed = (name: string, openedOn = '2026-01-10', closedOn = '2026-01-20'): CycleRecord => ({
  name,
  kind: 'Quarterly',
  anonymity: 'Named',
  sealedMinimum: null,
  openedOn: day(openedOn),
  openedBy: 'Ana',
  closedOn: day(closedOn),
  closedBy: 'Ben',
  focus: 'Transparency',
});

const request = (name: string, extra: Partial<Parameters<typeof openCycle>[1]> = {}) => ({
  name,
  kind: 'Quarterly' as const,
  anonymity: 'Named' as const,
  openedOn: day('2026-04-02'),
  openedBy: 'Ana',
  ...extra,
});

describe('opening a cycle', () => {
  it('opens with its name, kind and anonymity fixed, not closed and without a focus', () => {
    const cycle = openCycle([closed('2026-Q1')], request('  2026-Q2  ', { anonymity: 'Sealed', sealedMinimum: 4 }));
    expect(cycle).toMatchObject({ name: '2026-Q2', kind: 'Quarterly', anonymity: 'Sealed', sealedMinimum: 4, closedOn: null, closedBy: '', focus: null });
    expect(cycleState(cycle)).toBe('open');
  });

  it('gives a sealed cycle the default minimum of 3 and refuses one outside 3–50', () => {
    expect(openCycle([], request('A', { anonymity: 'Sealed' })).sealedMinimum).toBe(3);
    expect(() => openCycle([], request('A', { anonymity: 'Sealed', sealedMinimum: 2 }))).toThrow(/whole number from 3 to 50.*got 2/);
    expect(() => openCycle([], request('A', { anonymity: 'Sealed', sealedMinimum: 2.5 }))).toThrow(CycleRuleError);
    expect(() => openCycle([], request('A', { anonymity: 'Named', sealedMinimum: 3 }))).toThrow(/Only a sealed cycle/);
  });

  it('refuses while another cycle is open', () => {
    const open = openCycle([], request('2026-Q2'));
    expect(() => openCycle([open], request('2026-Q3'))).toThrow('Cycle "2026-Q2" is still open: close it before starting another.');
  });

  it('never reuses a name, however it is spelled', () => {
    const cycles = [closed('2026-Q1')];
    expect(() => openCycle(cycles, request(' 2026-q1 '))).toThrow(/"2026-Q1" already exists \(closed\)/);
    expect(cycleNameProblem(cycles, '2026  Q1')).toBeNull();
    expect(cycleNameProblem(cycles, '   ')).toBe('The cycle needs a name.');
    expect(cycleNameProblem(cycles, 'x'.repeat(61))).toMatch(/at most 60 characters/);
  });

  it('refuses an unknown kind or anonymity and an opener without a saved name', () => {
    expect(() => openCycle([], request('A', { kind: 'Monthly' as never }))).toThrow(/kind is one of Quarterly, Ad hoc, Reset; got "Monthly"/);
    expect(() => openCycle([], request('A', { anonymity: 'Secret' as never }))).toThrow(/anonymity is one of/);
    expect(() => openCycle([], request('A', { openedBy: ' ' }))).toThrow(/Save your name/);
  });
});

describe('answers go only to the open cycle', () => {
  const open = { ...closed('2026-Q2'), closedOn: null, closedBy: '', focus: null };

  it('sends an answer to the open cycle, and refuses a view still showing a closed one', () => {
    expect(cycleForAnswer([closed('2026-Q1'), open]).name).toBe('2026-Q2');
    expect(cycleForAnswer([closed('2026-Q1'), open], '2026-q2').name).toBe('2026-Q2');
    expect(() => cycleForAnswer([closed('2026-Q1'), open], '2026-Q1')).toThrow('Cycle "2026-Q1" is closed; answers go only to the open cycle "2026-Q2". Reload to answer it.');
    expect(() => cycleForAnswer([closed('2026-Q1'), open], 'Q9')).toThrow(/no cycle "Q9"/);
  });

  it('refuses an answer when no cycle is open', () => {
    expect(() => cycleForAnswer([closed('2026-Q1')])).toThrow('No assessment cycle is open: start one first.');
    expect(openCycleOf([closed('2026-Q1')])).toBeNull();
  });

  it('reports two open cycles (a hand edit) instead of guessing', () => {
    expect(() => openCycleOf([open, { ...open, name: 'Other' }])).toThrow(/More than one cycle is open \(2026-Q2, Other\)/);
  });
});

describe('closing a cycle', () => {
  const open = openCycle([closed('2026-Q1')], request('2026-Q2'));

  it('is allowed to either side of the partnership, and only to them', () => {
    expect(closeProblem(open, ana, SIDES)).toBeNull();
    expect(closeProblem(open, ben, SIDES)).toBeNull();
    expect(closeProblem(open, { name: 'Cy', side: 'Gamma' }, SIDES)).toBe('Only the two companies of the partnership (Acme and Beta) close a cycle; your saved side is "Gamma".');
    expect(closeProblem(open, null, SIDES)).toMatch(/Save your name and side/);
    expect(closeProblem(closed('2026-Q1'), ana, SIDES)).toBe('Cycle "2026-Q1" is already closed.');
    expect(closeProblem(null, ana, SIDES)).toBe('No assessment cycle is open.');
  });

  it('fixes the focus and sets the next reassessment 90 days after the close', () => {
    const { closed: record, nextReassessment } = closeCycle(
      { cycle: open, closer: ben, sides: SIDES, closedOn: day('2026-04-20'), focus: 'Alignment', answers: 6, inCycleBySide: BOTH },
      utc,
    );
    expect(record).toMatchObject({ name: '2026-Q2', closedBy: 'Ben', focus: 'Alignment' });
    expect(record.closedOn?.toISOString()).toBe('2026-04-20T00:00:00.000Z');
    expect(cycleState(record)).toBe('closed');
    expect(nextReassessment?.toISOString()).toBe('2026-07-19T00:00:00.000Z');
    // The returned record is new: the caller writes it; nothing is changed in place.
    expect(cycleState(open)).toBe('open');
  });

  it('counts the 90 days in the spreadsheet\'s calendar across a DST change', () => {
    const berlin = zoneCalendar('Europe/Berlin');
    const closedOn = berlin.startOfDay(2026, 2, 1);
    const { nextReassessment } = closeCycle({ cycle: { ...open, openedOn: closedOn }, closer: ana, sides: SIDES, closedOn, focus: 'Competence', answers: 1, inCycleBySide: BOTH }, berlin);
    expect(berlin.isoDay(nextReassessment as Date)).toBe('2026-05-02');
    expect(berlin.dayNumber(nextReassessment as Date) - berlin.dayNumber(closedOn)).toBe(90);
  });

  it('closes a cycle without answers with no focus and leaves the reassessment date alone', () => {
    const result = closeCycle({ cycle: open, closer: ana, sides: SIDES, closedOn: day('2026-04-03'), focus: 'Alignment', answers: 0, inCycleBySide: {} }, utc);
    expect(result.closed.focus).toBeNull();
    expect(result.nextReassessment).toBeNull();
  });

  it('refuses to close before the day it opened, or twice', () => {
    expect(() => closeCycle({ cycle: open, closer: ana, sides: SIDES, closedOn: day('2026-04-01'), focus: null, answers: 1, inCycleBySide: BOTH }, utc)).toThrow(
      'Cycle "2026-Q2" opened on 2026-04-02; it cannot close on 2026-04-01, before that.',
    );
    const once = closeCycle({ cycle: open, closer: ana, sides: SIDES, closedOn: day('2026-04-02'), focus: 'Reliability', answers: 1, inCycleBySide: BOTH }, utc).closed;
    expect(() => closeCycle({ cycle: once, closer: ana, sides: SIDES, closedOn: day('2026-04-05'), focus: null, answers: 1, inCycleBySide: BOTH }, utc)).toThrow(/already closed/);
  });

  it('after closing, the next cycle may open and the closed name stays taken', () => {
    const done = closeCycle({ cycle: open, closer: ana, sides: SIDES, closedOn: day('2026-04-20'), focus: 'Alignment', answers: 2, inCycleBySide: BOTH }, utc).closed;
    const cycles = [closed('2026-Q1'), done];
    expect(() => openCycle(cycles, request('2026-Q2'))).toThrow(/already exists/);
    // A quarterly one 60 days after the close at the earliest.
    expect(openCycle(cycles, request(suggestCycleName(cycles, 'Quarterly', day('2026-05-01'), utc), { openedOn: day('2026-06-19') }), utc).name).toBe('2026-Q2 (2)');
  });
});

describe('the suggested name', () => {
  it('follows the calendar: quarter, or month for ad hoc and reset cycles', () => {
    expect(suggestCycleName([], 'Quarterly', day('2026-11-10'), utc)).toBe('2026-Q4');
    expect(suggestCycleName([], 'Ad hoc', day('2026-11-10'), utc)).toBe('2026-11 ad hoc');
    expect(suggestCycleName([], 'Reset', day('2026-11-10'), utc)).toBe('2026-11 reset');
  });

  it('names an ad hoc cycle after the major change it follows, short enough for a cycle name even when numbered', () => {
    expect(suggestCycleName([], 'Ad hoc', day('2026-11-10'), utc, 'Leadership change')).toBe('2026-11 ad hoc: Leadership change');
    expect(suggestCycleName(['2026-11 ad hoc: Leadership change'], 'Ad hoc', day('2026-11-10'), utc, '  Leadership   change ')).toBe('2026-11 ad hoc: Leadership change (2)');
    expect(suggestCycleName([], 'Quarterly', day('2026-11-10'), utc, 'Merger')).toBe('2026-Q4');
    expect(suggestCycleName([], 'Ad hoc', day('2026-11-10'), utc, 'x'.repeat(200)).length).toBeLessThanOrEqual(60 - ' (99)'.length);
  });

  it('is the first free numbered name when the plain one is taken (the example workbook\'s 2026-Q4)', () => {
    expect(suggestCycleName(['2026-Q3', '2026-q4'], 'Quarterly', day('2026-11-10'), utc)).toBe('2026-Q4 (2)');
    expect(suggestCycleName(['2026-Q4', '2026-Q4 (2)', '2026-Q4  (3)'], 'Quarterly', day('2026-11-10'), utc)).toBe('2026-Q4 (4)');
  });

  it('uses the spreadsheet\'s day, not UTC\'s', () => {
    const tokyo = zoneCalendar('Asia/Tokyo');
    expect(suggestCycleName([], 'Quarterly', new Date('2026-09-30T16:00:00Z'), tokyo)).toBe('2026-Q4');
  });

  it('is never an existing name and always a name a cycle can open with', () => {
    const names = fc.array(
      fc.oneof(
        fc.constantFrom('2026-Q4', '2026-q4', ' 2026-Q4 (2) ', '2026-Q4 (3)', '2026-11 ad hoc', '2026-11 AD HOC (2)', '2026-11 reset'),
        fc.integer({ min: 2, max: 6 }).map((n) => `2026-Q4 (${n})`),
        fc.string({ maxLength: 12 }),
      ),
      { maxLength: 12 },
    );
    fc.assert(
      fc.property(names, fc.constantFrom('Quarterly', 'Ad hoc', 'Reset' as const), fc.date({ min: new Date('2000-01-01'), max: new Date('2090-01-01'), noInvalidDate: true }), (taken, kind, today) => {
        const cycles = taken.filter((name) => name.trim() !== '' && name.length <= 60).map((name) => closed(name));
        const suggestion = suggestCycleName(cycles, kind, today, utc);
        expect(cycleNameProblem(cycles, suggestion)).toBeNull();
        expect(openCycle(cycles, request(suggestion, { kind })).name).toBe(suggestion);
      }),
    );
  });
});

describe('the state machine as a whole', () => {
  type Step = { op: 'open'; name: string } | { op: 'close'; answers: number } | { op: 'answer' };
  const step: fc.Arbitrary<Step> = fc.oneof(
    fc.constantFrom('2026-Q1', '2026-Q2', 'q1 ', 'Reset').map((name) => ({ op: 'open' as const, name })),
    fc.integer({ min: 0, max: 3 }).map((answers) => ({ op: 'close' as const, answers })),
    fc.constant({ op: 'answer' as const }),
  );

  it('keeps at most one cycle open, never two cycles with one name, and answers only to the open one', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        let cycles: CycleRecord[] = [];
        let clock = day('2026-01-01');
        for (const action of steps) {
          clock = utc.addDays(clock, 7);
          const open = openCycleOf(cycles);
          try {
            if (action.op === 'open') cycles = [...cycles, openCycle(cycles, request(action.name, { openedOn: clock }))];
            else if (action.op === 'close') {
              const { closed: record } = closeCycle({ cycle: open, closer: ana, sides: SIDES, closedOn: clock, focus: 'Reliability', answers: action.answers, inCycleBySide: action.answers > 0 ? BOTH : {} }, utc);
              cycles = cycles.map((cycle) => (cycle === open ? record : cycle));
            } else expect(cycleForAnswer(cycles)).toBe(open);
          } catch (error) {
            expect(error).toBeInstanceOf(CycleRuleError);
            // A refusal is exactly the case the rules forbid.
            if (action.op === 'open') {
              const taken = cycles.some((cycle) => cycle.name.toLowerCase() === action.name.trim().toLowerCase());
              expect(open !== null || taken || quarterlyTooSoon(cycles, clock, utc) !== null).toBe(true);
            }
            else expect(open).toBeNull();
          }
          expect(cycles.filter((cycle) => cycleState(cycle) === 'open').length).toBeLessThanOrEqual(1);
          expect(new Set(cycles.map((cycle) => cycle.name.trim().toLowerCase())).size).toBe(cycles.length);
        }
      }),
    );
  });
});

describe('one answer per person per cycle', () => {
  const named = { ...closed('2026-Q2'), closedOn: null, closedBy: '' };
  it('appends a first answer, replaces a named person\'s earlier row', () => {
    expect(placeAnswer(named, { answered: false, namedRow: null })).toEqual({ action: 'append' });
    expect(placeAnswer(named, { answered: true, namedRow: 7 })).toEqual({ action: 'replace', row: 7 });
    // Their row was deleted by hand: the new answer is simply added.
    expect(placeAnswer(named, { answered: true, namedRow: null })).toEqual({ action: 'append' });
  });

  it('refuses a second anonymous or sealed answer with a clear message', () => {
    expect(placeAnswer({ ...named, anonymity: 'Anonymous' }, { answered: false, namedRow: null })).toEqual({ action: 'append' });
    expect(() => placeAnswer({ ...named, anonymity: 'Anonymous' }, { answered: true, namedRow: null })).toThrow(
      'You have already answered "2026-Q2". An anonymous answer carries no name, so it cannot be changed or given twice.',
    );
    expect(() => placeAnswer({ ...named, anonymity: 'Sealed', sealedMinimum: 3 }, { answered: true, namedRow: null })).toThrow(/A sealed answer is held unseen/);
  });
});

describe('the cycle Home offers', () => {
  const facts = (extra: Partial<Parameters<typeof cycleToOffer>[0]> = {}) => ({
    cycles: [closed('2026-Q1', '2026-01-10', '2026-01-20')],
    nextReassessment: day('2026-04-20'),
    majorChangeOn: null,
    resetCompleteForBreachOn: null,
    today: day('2026-03-01'),
    ...extra,
  });

  it('offers a first quarterly cycle, then nothing until the reassessment is due', () => {
    expect(cycleToOffer(facts({ cycles: [] }), utc)).toEqual({ kind: 'Quarterly', reason: 'first' });
    expect(cycleToOffer(facts(), utc)).toBeNull();
    expect(cycleToOffer(facts({ today: day('2026-04-20') }), utc)).toEqual({ kind: 'Quarterly', reason: 'due' });
  });

  it('offers an ad hoc cycle after a major change, and a reset cycle after a completed reset, until one is opened', () => {
    expect(cycleToOffer(facts({ majorChangeOn: day('2026-02-15') }), utc)).toEqual({ kind: 'Ad hoc', reason: 'major-change' });
    const adHoc = { ...closed('2026-02 ad hoc', '2026-02-16', '2026-02-20'), kind: 'Ad hoc' as const };
    expect(cycleToOffer(facts({ majorChangeOn: day('2026-02-15'), cycles: [closed('2026-Q1'), adHoc] }), utc)).toBeNull();
    expect(cycleToOffer(facts({ majorChangeOn: day('2026-02-15'), resetCompleteForBreachOn: day('2026-02-01'), cycles: [closed('2026-Q1'), adHoc] }), utc)).toEqual({
      kind: 'Reset',
      reason: 'reset-complete',
    });
  });

  it('offers nothing while a cycle is open', () => {
    const open = { ...closed('2026-Q2'), closedOn: null, closedBy: '' };
    expect(cycleToOffer(facts({ cycles: [open], today: day('2027-01-01'), majorChangeOn: day('2026-12-01') }), utc)).toBeNull();
  });
});

describe('a cycle closes with both companies in it', () => {
  const open = openCycle([closed('2026-Q1')], request('2026-Q2'));
  const closing = (inCycleBySide: Record<string, number>, without?: { side: string; reason: string }) =>
    closeCycle({ cycle: open, closer: ana, sides: SIDES, closedOn: day('2026-04-20'), focus: 'Alignment', answers: Object.values(inCycleBySide).reduce((a, b) => a + b, 0), inCycleBySide, without }, utc);

  it('refuses a close one company has not answered, naming it and the counts on each side', () => {
    expect(() => closing({ Acme: 2 })).toThrow(
      'Cycle "2026-Q2" cannot close yet: Beta is not in it (Acme 2, Beta 0). A cycle closes with both companies in it. Wait for Beta\'s answers, or close it without Beta and write down why.',
    );
    expect(closing({ Acme: 2, Beta: 1 }).closed).toMatchObject({ focus: 'Alignment', oneSidedWithout: '', oneSidedReason: '' });
  });

  it('closes without a company only when named, silent and given a reason', () => {
    const { closed: record, nextReassessment } = closing({ Acme: 2 }, { side: 'beta', reason: '  Beta went silent for six weeks ' });
    expect(record).toMatchObject({ oneSidedWithout: 'Beta', oneSidedReason: 'Beta went silent for six weeks', focus: 'Alignment' });
    expect(nextReassessment).not.toBeNull();
    expect(() => closing({ Acme: 2 }, { side: 'Beta', reason: ' ' })).toThrow(/without Beta needs a reason/);
    expect(() => closing({ Acme: 2, Beta: 1 }, { side: 'Beta', reason: 'x' })).toThrow('Beta is in cycle "2026-Q2" (Acme 2, Beta 1): it closes with both companies, not without Beta.');
    expect(() => closing({ Acme: 2 }, { side: 'Gamma', reason: 'x' })).toThrow(/"Gamma" is not one of the two companies/);
    expect(() => closeCycle({ cycle: open, closer: ana, sides: SIDES, closedOn: day('2026-04-20'), focus: null, answers: 0, inCycleBySide: {}, without: { side: 'Beta', reason: 'x' } }, utc)).toThrow(/Nobody has answered/);
  });
});

describe('a quarterly cycle is not started again within 60 days of the last close', () => {
  const last = closed('2026-Q1', '2026-01-10', '2026-03-01');

  it('refuses a quarterly cycle 59 days after the close, with the date it may start, and allows it at 60', () => {
    expect(() => openCycle([last], request('2026-Q2', { openedOn: day('2026-04-29') }), utc)).toThrow(
      'Cycle "2026-Q1" closed on 2026-03-01, 59 days ago: a quarterly cycle starts at the earliest 60 days after the last close (from 2026-04-30). After a major change start an ad hoc cycle, after a breach\'s reset a reset cycle.',
    );
    expect(openCycle([last], request('2026-Q2', { openedOn: day('2026-04-30') }), utc).kind).toBe('Quarterly');
  });

  it('names the first day a quarterly cycle may open, until that day', () => {
    expect(quarterlyOpensOn([last], day('2026-03-02'), utc)?.toISOString().slice(0, 10)).toBe('2026-04-30');
    expect(quarterlyOpensOn([last], day('2026-04-29'), utc)?.toISOString().slice(0, 10)).toBe('2026-04-30');
    expect(quarterlyOpensOn([last], day('2026-04-30'), utc)).toBeNull();
    expect(quarterlyOpensOn([], day('2026-04-01'), utc)).toBeNull();
  });

  it('lets an ad hoc or a reset cycle say why, the day after a close', () => {
    expect(openCycle([last], request('2026-03 ad hoc', { kind: 'Ad hoc', openedOn: day('2026-03-02') }), utc).kind).toBe('Ad hoc');
    expect(openCycle([last], request('2026-03 reset', { kind: 'Reset', openedOn: day('2026-03-02') }), utc).kind).toBe('Reset');
  });

  it('is not offered as due within 60 days, even when the reassessment date was typed earlier', () => {
    const facts = { cycles: [last], nextReassessment: day('2026-03-05'), majorChangeOn: null, resetCompleteForBreachOn: null, today: day('2026-04-01') };
    expect(cycleToOffer(facts, utc)).toBeNull();
    expect(cycleToOffer({ ...facts, today: day('2026-04-30') }, utc)).toEqual({ kind: 'Quarterly', reason: 'due' });
    expect(cycleToOffer({ ...facts, majorChangeOn: day('2026-03-10') }, utc)).toEqual({ kind: 'Ad hoc', reason: 'major-change' });
  });
});
