import { describe, expect, it } from 'vitest';
import { createSheetsFormulaEngine, FormulaError, type CustomFunctionDecl } from '../runtime/formulas/engine';
import { createFormulaEvaluator } from '../runtime/formulas/evaluator';
import { boundOpenRanges } from '../runtime/formulas/ranges';

/** Describes what a custom function received, so a formula cell shows the marshaling. */
function kind(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (v instanceof Date) return `date:${v.toISOString()}`;
  if (Array.isArray(v)) return `array${v.length}x${(v[0] as unknown[]).length}[${v.map((r: unknown[]) => r.map(kind).join(',')).join(';')}]`;
  if (typeof v === 'string') return `string:${JSON.stringify(v)}`;
  return `${typeof v}:${String(v)}`;
}

const CORNERS = ['Competence', 'Reliability', 'Transparency', 'Alignment'];

const functions: CustomFunctionDecl[] = [
  { name: 'ARGS', fn: (...args) => args.map(kind).join(' | '), minArgs: 0, maxArgs: 4 },
  // Like the add-on's functions: declared parameters, the omitted one is simply undefined.
  { name: 'OPTIONAL', fn: (a: unknown, b: unknown) => `${kind(a)} / ${kind(b)}`, minArgs: 1, maxArgs: 2 },
  {
    // Row result: mean of each of the 4 corner columns over non-blank rows.
    name: 'CORNER_SCORES',
    fn: (range: unknown) => {
      const rows = (range as unknown[][]).filter((r) => r.some((c) => c !== ''));
      return [CORNERS.map((_, k) => rows.reduce((s, r) => s + Number(r[k]), 0) / rows.length)];
    },
    minArgs: 1,
    maxArgs: 1,
    resultShape: { rows: 1, cols: 4 },
  },
  {
    name: 'WEAKEST_CORNER',
    fn: (range: unknown) => {
      const rows = Array.isArray(range) ? (range as unknown[][]) : [[range]];
      rows.forEach((r, i) => {
        if (r.length !== 4) throw new Error(`WEAKEST_CORNER: scores row ${i + 1} has ${r.length} columns, expected 4`);
      });
      const last = rows[rows.length - 1]!.map(Number);
      return CORNERS[last.indexOf(Math.min(...last))];
    },
    minArgs: 1,
    maxArgs: 1,
  },
  // No shape declared: returns the non-blank entries of a column, so its size depends on data.
  { name: 'NONBLANK', fn: (range: unknown) => (range as unknown[][]).map((r) => r[0]).filter((v) => v !== ''), minArgs: 1, maxArgs: 1 },
  { name: 'ROWCOUNT', fn: (range: unknown) => (range as unknown[][]).length, minArgs: 1, maxArgs: 1 },
  { name: 'NEXT_REVIEW', fn: (d: unknown) => new Date((d as Date).getTime() + 14 * 86_400_000), minArgs: 1, maxArgs: 1 },
  {
    name: 'BOOM',
    fn: () => {
      throw new Error('X: scores row 2 is not a number');
    },
    minArgs: 0,
    maxArgs: 1,
  },
];

const NY = 'America/New_York';
/** Midnight of a calendar day in New York, the instant Apps Script uses for a date cell. */
const nyDate = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d, 5)); // EST (UTC-5): use for dates before Mar 10, 2024

function engine() {
  return createSheetsFormulaEngine(functions, { timeZone: NY, now: () => new Date('2024-03-15T15:00:00Z') });
}

describe('argument marshaling', () => {
  const e = engine();
  e.load({
    Data: [
      [7, 'text', '', true, nyDate(2024, 1, 31), '00123'],
      [8, '3/1', null, false, 0.5],
      [9],
    ],
    Out: [
      ['=ARGS(Data!A1)'],
      ['=ARGS(Data!A1:F1)'],
      ['=ARGS(Data!A1:A3)'],
      ['=ARGS(Data!C1, Data!D1, Data!E1)'],
      ['=ARGS(1.5, "lit", FALSE)'],
      ['=OPTIONAL(Data!B1)'],
      ['=ARGS()'],
      ['=ARGS(Data!A1:A1)'],
      ['=ARGS(Data!A1/0)'],
      ['=ARGS(Data!A1, Data!B1, Data!C1, Data!D1, Data!E1)'],
    ],
  });
  const out = (row: number) => e.getValue('Out', row, 1);

  it('passes a single cell or a literal as a scalar', () => {
    expect(out(1)).toBe('number:7');
    expect(out(5)).toBe('number:1.5 | string:"lit" | boolean:false');
  });
  it('passes a multi-cell range as a 2-D array, even 1xN and Nx1, blanks as "" and text as typed', () => {
    expect(out(2)).toBe(
      'array1x6[number:7,string:"text",string:"",boolean:true,date:2024-01-31T05:00:00.000Z,string:"00123"]',
    );
    expect(out(3)).toBe('array3x1[number:7;number:8;number:9]');
  });
  it('passes blanks as "", booleans as booleans and date cells as Dates at midnight in the spreadsheet zone', () => {
    expect(out(4)).toBe('string:"" | boolean:true | date:2024-01-31T05:00:00.000Z');
  });
  it('passes an omitted argument as undefined and a 1x1 range as a scalar', () => {
    expect(out(6)).toBe('string:"text" / undefined');
    expect(out(7)).toBe('');
    expect(out(8)).toBe('number:7');
  });
  it('propagates an error argument without calling the function', () => {
    expect(out(9)).toEqual(new FormulaError('#DIV/0!', ''));
  });
  it('enforces the declared argument count, so a miswritten formula fails its test', () => {
    const v = out(10);
    expect(v).toBeInstanceOf(FormulaError);
    expect((v as FormulaError).message).toMatch(/Expected between 0 and 4 arguments, but got 5/);
  });
});

describe('results', () => {
  const log = 'Shared Commitments Log';
  const sheets = () => ({
    [log]: [
      ['Round', 'Who', 'Date', '', '', '', 'Competence', 'Reliability', 'Transparency', 'Alignment'],
      [1, 'Ana', nyDate(2024, 1, 10), '', '', '', 4, 3, 2, 5],
      [2, 'Ana', nyDate(2024, 2, 10), '', '', '', 4, 1, 3, 5],
      [2, 'Ben', nyDate(2024, 2, 11), '', '', '', 2, 5, 4, 4],
    ],
    Dashboard: [
      ['Weakest', `=WEAKEST_CORNER(FILTER('${log}'!G2:J, '${log}'!A2:A=MAX('${log}'!A2:A)))`],
      ['Scores', `=CORNER_SCORES('${log}'!G2:J)`],
      ['Latest', `=FILTER('${log}'!B2:C, '${log}'!A2:A=MAX('${log}'!A2:A))`],
      [],
      ['Rows', `=ROWCOUNT('${log}'!A2:A)`, `=ROWCOUNT('${log}'!A:A)`],
      ['Broken', '=BOOM()'],
      ['Names', `=NONBLANK('${log}'!B2:B)`],
    ],
  });

  it('spills a row result into the cells to its right', () => {
    const e = engine();
    e.load(sheets());
    expect([2, 3, 4, 5].map((c) => e.getValue('Dashboard', 2, c))).toEqual([10 / 3, 3, 3, 14 / 3]);
  });

  it("evaluates FILTER over open-ended ranges on a sheet whose name has spaces, keeping rows as Sheets' FILTER does", () => {
    const e = engine();
    e.load(sheets());
    // Latest round's rows are [4,1,3,5] and [2,5,4,4]; the last one's weakest is Competence.
    expect(e.getValue('Dashboard', 1, 2)).toBe('Competence');
    expect(e.getSheetValues('Dashboard').slice(2, 4).map((r) => r.slice(1, 3))).toEqual([
      ['Ana', nyDate(2024, 2, 10)],
      ['Ben', nyDate(2024, 2, 11)],
    ]);
  });

  it('gives open-ended and whole-column ranges every row of the sheet, as Sheets does', () => {
    const e = engine();
    e.load(sheets());
    expect(e.getValue('Dashboard', 5, 2)).toBe(999);
    expect(e.getValue('Dashboard', 5, 3)).toBe(1000);
  });

  it('keeps a thrown message on an #ERROR! cell and lists it in errors()', () => {
    const e = engine();
    e.load(sheets());
    expect(e.getValue('Dashboard', 6, 2)).toEqual(new FormulaError('#ERROR!', 'X: scores row 2 is not a number'));
    expect(e.errors()).toEqual([
      { sheet: 'Dashboard', row: 6, col: 2, formula: '=BOOM()', error: new FormulaError('#ERROR!', 'X: scores row 2 is not a number') },
    ]);
  });

  it('sizes a spill from the actual result and follows it when the data changes', () => {
    const e = engine();
    e.load(sheets());
    expect([7, 8, 9, 10].map((r) => e.getValue('Dashboard', r, 2))).toEqual(['Ana', 'Ana', 'Ben', '']);
    e.setCell(log, 5, 2, 'Cy');
    expect([7, 8, 9, 10].map((r) => e.getValue('Dashboard', r, 2))).toEqual(['Ana', 'Ana', 'Ben', 'Cy']);
    e.setCell(log, 2, 2, '');
    expect([7, 8, 9, 10].map((r) => e.getValue('Dashboard', r, 2))).toEqual(['Ana', 'Ben', 'Cy', '']);
  });

  it('passes nested array results whole and reports an empty FILTER as #N/A', () => {
    const e = engine();
    e.load({
      ...sheets(),
      More: [
        [`=INDEX(CORNER_SCORES('${log}'!G2:J), 1, 2)`, `=IFERROR(WEAKEST_CORNER(CORNER_SCORES('${log}'!G2:J4)), "-")`],
        [`=FILTER('${log}'!B2:B, '${log}'!A2:A=9)`, `=IFERROR(FILTER('${log}'!B2:B, '${log}'!A2:A=9), "none")`],
      ],
    });
    expect(e.getValue('More', 1, 1)).toBe(3);
    expect(e.getValue('More', 1, 2)).toBe('Reliability');
    expect(e.getValue('More', 2, 1)).toEqual(new FormulaError('#N/A', 'No matches are found in FILTER evaluation.'));
    expect(e.getValue('More', 2, 2)).toBe('none');
  });

  it('gives the error when a formula reads the spill range of an array formula that failed, instead of crashing', () => {
    // A row function that rejects its input: its array vertex holds HyperFormula's ErroredArray,
    // and WEAKEST_CORNER(B1:E1) reads exactly that vertex's range (HyperFormula threw "Unknown array").
    const row: CustomFunctionDecl = {
      name: 'ROW_OR_FAIL',
      fn: (v: unknown) => {
        if (v === 'bad') throw new Error('ROW_OR_FAIL: bad input');
        return [[4, 3, 2, 5]];
      },
      minArgs: 1,
      maxArgs: 1,
      resultShape: { rows: 1, cols: 4 },
    };
    const e = createSheetsFormulaEngine([...functions, row]);
    e.load({ S: [['bad', '=ROW_OR_FAIL(A1)'], ['', '=WEAKEST_CORNER(B1:E1)', '=IFERROR(WEAKEST_CORNER(B1:E1), "-")']] });
    const failed = new FormulaError('#ERROR!', 'ROW_OR_FAIL: bad input');
    expect(e.getValue('S', 1, 2)).toEqual(failed);
    expect(e.getValue('S', 2, 2)).toEqual(failed);
    expect(e.getValue('S', 2, 3)).toBe('-');
    e.setCell('S', 1, 1, 'ok');
    expect([2, 3].map((c) => e.getValue('S', 2, c))).toEqual(['Transparency', 'Transparency']);
    e.setCell('S', 1, 1, 'bad');
    expect([2, 3].map((c) => e.getValue('S', 2, c))).toEqual([failed, '-']);
  });

  it('passes a nested array result whole even before its size is learned', () => {
    // IFERROR(FILTER(...)) is first guessed 1x1; the enclosing function must still get every row
    // (it used to get the first value, throw, and leave its spill range errored for its readers).
    const seen: string[] = [];
    const strict: CustomFunctionDecl = {
      name: 'STRICT_SCORES',
      fn: (range: unknown) => {
        seen.push(kind(range));
        if (!Array.isArray(range) || (range[0] as unknown[]).length !== 4) throw new Error('STRICT_SCORES: expected 4 columns');
        return [(range[0] as number[]).map(Number)];
      },
      minArgs: 1,
      maxArgs: 1,
      resultShape: { rows: 1, cols: 4 },
    };
    const e = createSheetsFormulaEngine([...functions, strict]);
    e.load({
      [log]: sheets()[log],
      S: [
        [2, `=STRICT_SCORES(IFERROR(FILTER('${log}'!G2:J, '${log}'!A2:A=A1), ""))`],
        ['', '=WEAKEST_CORNER(B1:E1)'],
      ],
    });
    expect(seen.length).toBeGreaterThan(0);
    expect(new Set(seen)).toEqual(new Set(['array2x4[number:4,number:1,number:3,number:5;number:2,number:5,number:4,number:4]']));
    expect(e.getValue('S', 2, 2)).toBe('Reliability');
    expect(e.errors()).toEqual([]);
  });

  it('reports a spill onto data as #REF!, as Sheets does', () => {
    const e = engine();
    e.load(sheets());
    e.setCell('Dashboard', 2, 4, 'in the way');
    expect((e.getValue('Dashboard', 2, 2) as FormulaError).code).toBe('#REF!');
  });

  it('re-bounds open-ended ranges when a sheet grows past its last row', () => {
    const e = createSheetsFormulaEngine(functions, { defaultRowCount: 5 });
    e.load({ S: [['=ROWCOUNT(B1:B)']] });
    expect(e.getValue('S', 1, 1)).toBe(5);
    e.setCell('S', 9, 2, 'x');
    expect(e.getValue('S', 1, 1)).toBe(9);
  });
});

describe('dependencies and IFERROR in and around custom functions', () => {
  const log = 'Shared Commitments Log';
  const data = () => [
    ['Round', 'Who', 'Date', '', '', '', 'Competence', 'Reliability', 'Transparency', 'Alignment'],
    [1, 'Ana', nyDate(2024, 1, 10), '', '', '', 4, 3, 2, 5],
    [2, 'Ana', nyDate(2024, 2, 10), '', '', '', 4, 1, 3, 5],
    [2, 'Ben', nyDate(2024, 2, 11), '', '', '', 2, 5, 4, 4],
  ];
  const latestRound = `=INDEX(FILTER('${log}'!A2:A, '${log}'!C2:C=MAX('${log}'!C2:C)), 1)`;

  it('computes a formula cell read by a nested expression in a custom function argument first, and follows it', () => {
    const e = engine();
    // The custom function's row sits above the formula cell it depends on (B3).
    e.load({
      [log]: data(),
      Dashboard: [
        ['Means', `=CORNER_SCORES(IFERROR(FILTER('${log}'!G2:J, '${log}'!A2:A=B3), ""))`],
        // Columns joined by an array literal, as the dashboard does for non-adjacent ones.
        ['Joined', `=CORNER_SCORES(IFERROR(FILTER({'${log}'!G2:H, '${log}'!I2:J}, '${log}'!A2:A=B3), ""))`],
        ['Latest', latestRound],
      ],
    });
    expect(e.getValue('Dashboard', 3, 2)).toBe(2);
    expect([2, 3, 4, 5].map((c) => e.getValue('Dashboard', 1, c))).toEqual([3, 3, 3.5, 4.5]);
    expect([2, 3, 4, 5].map((c) => e.getValue('Dashboard', 2, c))).toEqual([3, 3, 3.5, 4.5]);
    // A newer round: B3 moves to it and the means follow.
    [3, 'Ana', nyDate(2024, 3, 1), '', '', '', 1, 2, 3, 4].forEach((v, k) => e.setCell(log, 5, k + 1, v));
    expect(e.getValue('Dashboard', 3, 2)).toBe(3);
    expect([2, 3, 4, 5].map((c) => e.getValue('Dashboard', 1, c))).toEqual([1, 2, 3, 4]);
    expect([2, 3, 4, 5].map((c) => e.getValue('Dashboard', 2, c))).toEqual([1, 2, 3, 4]);
    e.setCell(log, 5, 3, nyDate(2024, 1, 1));
    expect(e.getValue('Dashboard', 3, 2)).toBe(2);
    expect([2, 3, 4, 5].map((c) => e.getValue('Dashboard', 1, c))).toEqual([3, 3, 3.5, 4.5]);
    expect([2, 3, 4, 5].map((c) => e.getValue('Dashboard', 2, c))).toEqual([3, 3, 3.5, 4.5]);
    expect(e.errors()).toEqual([]);
  });

  it('passes IFERROR(FILTER(...), "") to a custom function as the whole filtered range, or "" when nothing matches', () => {
    const e = engine();
    e.load({
      [log]: data(),
      Out: [
        [`=ARGS(IFERROR(FILTER('${log}'!G2:J, '${log}'!A2:A=2), ""))`],
        [`=ARGS(IFERROR(FILTER('${log}'!G2:J, '${log}'!A2:A=9), ""))`],
        [`=ARGS(IFERROR(FILTER('${log}'!B2:B, '${log}'!A2:A=2)))`],
      ],
    });
    expect(e.getValue('Out', 1, 1)).toBe(
      'array2x4[number:4,number:1,number:3,number:5;number:2,number:5,number:4,number:4]',
    );
    expect(e.getValue('Out', 2, 1)).toBe('string:""');
    expect(e.getValue('Out', 3, 1)).toBe('array2x1[string:"Ana";string:"Ben"]');
  });

  it('honours references inside array literals: bare TRUE, and a formula cell that changes', () => {
    const e = engine();
    e.load({
      [log]: data(),
      S: [
        ['=ARGS({"Ana";TRUE})', '=ARGS({B3, FALSE})'],
        ['=ARGS({A3 + 1; 1})'],
        [`=MAX('${log}'!A2:A)`, '=A3 * 10'],
      ],
    });
    expect(e.getValue('S', 1, 1)).toBe('array2x1[string:"Ana";boolean:true]');
    expect(e.getValue('S', 1, 2)).toBe('array1x2[number:20,boolean:false]');
    expect(e.getValue('S', 2, 1)).toBe('array2x1[number:3;number:1]');
    e.setCell(log, 5, 1, 7);
    expect(e.getValue('S', 1, 2)).toBe('array1x2[number:70,boolean:false]');
    expect(e.getValue('S', 2, 1)).toBe('array2x1[number:8;number:1]');
  });

  it('spills an array through IFERROR, as Sheets does, and replaces only errors', () => {
    const e = engine();
    e.load({
      [log]: data(),
      S: [
        [`=IFERROR(CORNER_SCORES('${log}'!G2:J), "")`],
        [`=IFERROR(FILTER('${log}'!B2:B, '${log}'!A2:A=2), "none")`],
        [],
        [`=IFERROR(FILTER('${log}'!B2:B, '${log}'!A2:A=9), "none")`, '=IFERROR(BOOM(), "caught")', '=IFERROR(BOOM())'],
        ['=ARRAYFORMULA(IFERROR(1/{1, 0, 4}, "div"))'],
      ],
    });
    expect([1, 2, 3, 4].map((c) => e.getValue('S', 1, c))).toEqual([10 / 3, 3, 3, 14 / 3]);
    expect([2, 3].map((r) => e.getValue('S', r, 1))).toEqual(['Ana', 'Ben']);
    expect([1, 2, 3].map((c) => e.getValue('S', 4, c))).toEqual(['none', 'caught', '']);
    expect([1, 2, 3].map((c) => e.getValue('S', 5, c))).toEqual([1, 'div', 0.25]);
    expect(e.errors()).toEqual([]);
  });
});

describe('dates', () => {
  it('round-trips Dates through cells, custom functions and date arithmetic in the spreadsheet zone', () => {
    const e = engine();
    e.load({
      S: [
        [nyDate(2024, 3, 1), '=NEXT_REVIEW(A1)', '=A1+1', '=TODAY()', '=DATEDIF(A1, TODAY(), "D")', '=TODAY()-A1'],
        [new Date('2024-03-01T18:30:00Z'), '=TEXT(A1, "yyyy-mm-dd")', '=NOW()'],
      ],
    });
    expect(e.getValue('S', 1, 1)).toEqual(nyDate(2024, 3, 1));
    // 14 x 24 h after midnight EST is 01:00 EDT: the function's arithmetic, kept to the millisecond.
    expect(e.getValue('S', 1, 2)).toEqual(new Date('2024-03-15T05:00:00Z'));
    expect(e.getValue('S', 1, 3)).toEqual(nyDate(2024, 3, 2));
    expect(e.getValue('S', 1, 4)).toEqual(new Date('2024-03-15T04:00:00Z')); // midnight EDT
    expect(e.getValue('S', 1, 5)).toBe(14);
    expect(e.getValue('S', 1, 6)).toBe(14);
    expect(e.getValue('S', 2, 1)).toEqual(new Date('2024-03-01T18:30:00Z'));
    expect(e.getValue('S', 2, 2)).toBe('2024-03-01');
    expect(e.getValue('S', 2, 3)).toEqual(new Date('2024-03-15T15:00:00Z'));
  });
});

describe('built-ins our formulas use', () => {
  const e = engine();
  e.load({
    T: [
      ['Status', 'Score', 'Owner'],
      ['open', 3, 'Ana'],
      ['done', 5, 'Ben'],
      ['open', 1, 'ana'],
      ['Open', 4, 'Ben'],
    ],
    F: [
      ['=COUNTIFS(T!A2:A, "open", T!B2:B, ">1")', '=COUNTIF(T!A2:A, "open")', '=SUMPRODUCT((T!A2:A="open")*(T!B2:B>2))'],
      ['=IFERROR(1/0, "none")', '=IF(AND(T!B2>1, OR(T!B3>9, TRUE)), "y", "n")', '=INDEX(T!C2:C, MATCH("done", T!A2:A, 0))'],
      ['=ROUND(AVERAGE(T!B2:B), 2)', '=MAX(T!B2:B)-MIN(T!B2:B)', '=SUM(ARRAYFORMULA(T!B2:B5*2))'],
      ['=ROWS(UNIQUE(T!C2:C5))', '=AVERAGEIFS(T!B2:B, T!A2:A, "open")', '=ROUND(SUMIFS(T!B2:B, T!A2:A, "open")/COUNTIFS(T!A2:A, "open"), 2)'],
      ['=COUNTBLANK(T!D1:D3)', '=SUM(T!B2:B5*2)'],
    ],
  });

  it('evaluates them as Sheets would (case-insensitive matching included)', () => {
    expect(e.getSheetValues('F').slice(0, 3)).toEqual([
      [2, 3, 2],
      ['none', 'y', 'Ben'],
      [3.25, 4, 26],
    ]);
    expect(e.getValue('F', 4, 3)).toBe(2.67);
    expect(e.getValue('F', 5, 1)).toBe(3);
  });

  it('flags what HyperFormula lacks or refuses, so formula authors avoid it', () => {
    // UNIQUE ignores case in HyperFormula ('Ana' = 'ana'); Sheets' UNIQUE would keep both.
    expect(e.getValue('F', 4, 1)).toBe(2);
    expect((e.getValue('F', 4, 2) as FormulaError).code).toBe('#NAME?');
    // Range arithmetic outside ARRAYFORMULA/SUMPRODUCT/FILTER.
    expect((e.getValue('F', 5, 2) as FormulaError).code).toBe('#VALUE!');
  });
});

describe('open-ended range rewriting', () => {
  const rows = (name: string) => ({ Log: 50, "It's": 7, Here: 20 })[name];
  it('bounds G2:J and A:A to the referenced sheet, leaving strings and closed ranges alone', () => {
    expect(boundOpenRanges(`=FILTER('Log'!G2:J, Log!A:A="G2:J", $B$2:$C$9)`, 'Here', rows)).toBe(
      `=FILTER('Log'!G2:J50, Log!A1:A50="G2:J", $B$2:$C$9)`,
    );
    expect(boundOpenRanges(`=SUM('It''s'!$B3:$B)+SUM(C:C)+LOG10(A1)`, 'Here', rows)).toBe(
      `=SUM('It''s'!$B3:$B7)+SUM(C1:C20)+LOG10(A1)`,
    );
  });
});

describe('FormulaEvaluator adapter for the Apps Script double', () => {
  it('computes every sheet, spills included, errors as getValues strings', () => {
    const evaluator = createFormulaEvaluator(functions);
    const result = evaluator.evaluate({
      timeZone: NY,
      sheets: [
        { name: 'Data', values: [[1, 2, 3, 4]], formulas: [['', '', '', '']] },
        {
          name: 'Dash',
          values: [['', ''], ['', '']],
          formulas: [['=CORNER_SCORES(Data!A1:D1)', ''], ['=BOOM()', '']],
        },
      ],
    });
    expect(result.get('Dash')).toEqual([
      [1, 2, 3, 4],
      ['#ERROR!', '', '', ''],
    ]);
    expect(evaluator.lastErrors().map((x) => x.error.message)).toEqual(['X: scores row 2 is not a number']);
  });
});
