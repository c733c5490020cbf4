/**
 * The set-up most server tests share: the clock pinned, a fresh Apps Script double installed for
 * each test, the workbook set up for the two companies Acme and Beta (Strategic), and people who
 * say who they are. Call `useWorkbookDouble()` once at the top of a test file; it registers the
 * beforeEach/afterEach hooks. `double` is a live binding: it is the current test's double.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import { type AppsScriptDouble, type AppsScriptDoubleOptions, type FormulaEvaluator, createAppsScriptDouble } from '../../runtime/apps-script';
import { customFunctionDecls } from '../../runtime/bundle/custom-functions';
import { createFormulaEvaluator } from '../../runtime/formulas/evaluator';
import { SIDEBAR_HANDLERS as api } from '../../src/sidebar/server';
import { loadExamplePartnership } from '../../src/workbook/load-example';
import { stampEdit } from '../../src/workbook/stamp';
import { SETTLED_PROPERTY_PREFIX } from '../../src/workbook/property-keys';

/** The day most tests live on (a Monday in the fourth quarter). */
export const PINNED_NOW = '2026-11-30T12:00:00Z';
export const SIDES = ['Acme', 'Beta'] as const;

export interface Person {
  email: string;
  name: string;
  side: string;
}
export const ANA: Person = { email: 'ana@acme.example', name: 'Ana', side: 'Acme' };
export const BEN: Person = { email: 'ben@beta.example', name: 'Ben', side: 'Beta' };

export interface WorkbookDoubleOptions {
  /** The pinned clock (default PINNED_NOW). */
  now?: string;
  /** Set up with the two companies before each test (default true); false leaves the spreadsheet empty. */
  partnership?: boolean;
  /** Options for the double (e.g. a formula evaluator), made fresh for each test. */
  double?: () => AppsScriptDoubleOptions;
}

export let double: AppsScriptDouble;

export function useWorkbookDouble(options: WorkbookDoubleOptions = {}): void {
  let uninstall: () => void = () => {};
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(options.now ?? PINNED_NOW));
    double = createAppsScriptDouble(options.double?.());
    uninstall = double.install(globalThis);
    if (options.partnership ?? true) api.setUpWorkbook({ ourCompany: SIDES[0], partnerCompany: SIDES[1], model: 'Strategic' });
  });
  afterEach(() => {
    uninstall();
    vi.useRealTimers();
  });
}

/**
 * The example partnership loaded on `today` for each test, on a double whose formulas HyperFormula
 * evaluates with the add-on's custom functions. Returns the current test's formula errors.
 */
export function useExampleWithFormulas(today: Date): () => ReturnType<ReturnType<typeof createFormulaEvaluator>['lastErrors']> {
  let evaluator: ReturnType<typeof createFormulaEvaluator>;
  useWorkbookDouble({
    now: today.toISOString(),
    partnership: false,
    double: () => {
      evaluator = createFormulaEvaluator(customFunctionDecls(), { now: () => today });
      return { formulaEvaluator: evaluator as FormulaEvaluator };
    },
  });
  beforeEach(() => loadExamplePartnership(today));
  return () => evaluator.lastErrors();
}

/** From now on the double's user is `email`, who has said who they are (name and side). */
export function as(email: string, name: string, side: string): void {
  double.setActiveUser(email);
  api.saveIdentity({ displayName: name, side });
}

export const asPerson = (person: Person): void => as(person.email, person.name, person.side);
export const asAna = (): void => asPerson(ANA);
export const asBen = (): void => asPerson(BEN);

/**
 * A person types `value` into one cell of `sheetName` (it held `oldValue`), and Sheets runs the
 * add-on's onEdit afterwards, as the simple trigger receives it.
 */
export function editByHand(sheetName: string, row: number, column: number, value: string | number, oldValue: string): void {
  const range = double.spreadsheet.getSheetByName(sheetName)!.getRange(row, column);
  range.setValue(value);
  double.endExecution();
  stampEdit({ range, value: String(value), oldValue } as unknown as GoogleAppsScript.Events.SheetsOnEdit);
  double.endExecution();
}

/** What `run` returns with table `tableKey`'s settled rows set aside (settled.ts): a whole read, to compare with. */
export function withSettlementSetAside<T>(tableKey: string, run: () => T): T {
  const properties = double.globals.PropertiesService.getDocumentProperties();
  const key = `${SETTLED_PROPERTY_PREFIX}${tableKey}`;
  const kept = properties.getProperty(key);
  properties.deleteProperty(key);
  try {
    return run();
  } finally {
    if (kept !== null) properties.setProperty(key, kept);
    double.endExecution();
  }
}
