import { describe, expect, it } from 'vitest';
import { CYCLE_FOCUS } from '../../src/functions/cycle-focus';
import { FunctionInputError } from '../../src/functions/cells';

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe('CYCLE_FOCUS', () => {
  // Transparency is the focus from Q1 (4); +1 in Q2 and +1 in Q3: 2 since it became the focus.
  const scores = [[7, 8, 4, 9], [7, 8, 5, 9], [7, 6.5, 6, 9]];
  const cycles = [['Q1'], ['Q2'], ['Q3']];
  const dates = [[d('2026-01-10')], [d('2026-04-10')], [d('2026-07-10')]];
  const responses = [[1], [1], [1]];

  it('counts the 2 points since the cycle the focus began, not since the previous cycle', () => {
    const none = [[''], [''], ['']];
    expect(CYCLE_FOCUS(scores, cycles, dates, responses, none, none, none, none)).toBe('Reliability');
  });

  it('orders cycles by the Cycles sheet and keeps the focus a closed cycle recorded', () => {
    const names = [['Cycle'], ['Q1'], ['Q2'], ['Q3']];
    const opened = [['Opened on'], [d('2026-01-05')], [d('2026-04-01')], [d('2026-07-01')]];
    const closed = [['Closed on'], [d('2026-01-20')], [d('2026-04-20')], ['']];
    // Q2's record says Alignment (typed by hand): from Q2 on, Alignment's own count starts.
    const focus = [['Focus corner'], ['Transparency'], ['Alignment'], ['']];
    expect(CYCLE_FOCUS(scores, cycles, dates, responses, names, opened, closed, focus)).toBe('Alignment');
  });

  it('is blank before any rating, and names the row at fault', () => {
    const blank = [['']];
    expect(CYCLE_FOCUS([['', '', '', '']], [['Q1']], blank, blank, blank, blank, blank, blank)).toBe('');
    expect(() => CYCLE_FOCUS(scores, cycles, dates, responses, [['Q1']], [['']], [['']], [['']])).toThrow(
      new FunctionInputError('CYCLE_FOCUS', 'opened_on row 1 is blank; expected the date cycle "Q1" was opened'),
    );
    expect(() => CYCLE_FOCUS(scores, [['Q1'], ['Q2']], dates, responses, [['']], [['']], [['']], [['']])).toThrow(/cycles has 2 rows but scores has 3/);
  });
});
