import { CORNERS } from '../domain/corners';
import { CYCLE_ANONYMITIES, CYCLE_KINDS, type CycleAnonymity, type CycleKind, type CycleRecord, cycleNameKey } from '../domain/cycles';
import type { Workbook } from './workbook';
import type { CellValue } from './table';
import type { WritePlan } from './write-plan';
import { MAX_PROPERTY_BYTES } from './write-plan';
import { sha256Hex } from './sha256';
import { SEALED_PREFIX, ANSWERED_PREFIX, SETTINGS_KEY_PREFIX } from './property-keys';

/**
 * What the add-on keeps about assessment cycles outside the sheet, in document properties (which
 * the sheet's editors cannot see or edit in the sheet): who has answered the open cycle (as tokens
 * that name nobody) and a sealed cycle's running sums per side. The cycle itself is a row of the
 * Cycles sheet.
 *
 * A sealed cycle never stores an individual answer: each side keeps the count and the sum of its
 * ratings, and the side's means row is written from those at every full batch of `minimumPerSide`
 * answers. Whoever reads the properties once sees sums, never one person's ratings.
 */

/**
 * What is fixed when a cycle opens (DOMAIN.md): kept here, where the sheet's editors cannot type,
 * so a hand edit of the Cycles sheet changes nothing. Kept after the close too (a few bytes per cycle).
 */
export interface CycleSettings {
  kind: CycleKind;
  anonymity: CycleAnonymity;
  sealedMinimum: number | null;
}

export const settingsOf = (record: CycleRecord): CycleSettings => ({ kind: record.kind, anonymity: record.anonymity, sealedMinimum: record.sealedMinimum });

/** Answers per side before a sealed cycle writes that side's means (the domain's rule, one place). */
export { SEALED_MINIMUM_DEFAULT, SEALED_MINIMUM_HIGHEST, SEALED_MINIMUM_LOWEST } from '../domain/cycles';

export interface SideTotals {
  count: number;
  /** Sum of the ratings per corner, in canonical corner order. */
  sums: number[];
}

/** Each person's token -> the participant name of their named answer ('' for anonymous or sealed). */
export type Respondents = Record<string, string>;

function parse<T>(text: string | undefined): T | null {
  if (text === undefined || text === '') return null;
  try {
    return JSON.parse(text) as T;
  } catch {
    return null;
  }
}

/**
 * The token that marks "this person answered this cycle": derived from the person's random id
 * (kept only in their own user properties) and the cycle, so it cannot be linked to a person, to
 * an answer, or to the same person's token in another cycle.
 */
export function respondentToken(personId: string, cycle: string): string {
  return sha256Hex(`${personId}\u0000${cycle}`).slice(0, 20);
}

/** The document properties as read once for a request (one call for all of them). */
export class CycleStore {
  constructor(private readonly properties: Readonly<Record<string, string>>) {}

  /** From the workbook's one read of the document properties (inside the lock, for a save). */
  static of(workbook: Workbook): CycleStore {
    return new CycleStore(workbook.documentProperties());
  }

  /**
   * Per side, the sealed answers counted so far. Workbooks sealed before sums were kept hold lists
   * of answers: those are summed on reading and replaced by sums at the next answer.
   */
  sealedTotals(cycle: string): Record<string, SideTotals> {
    const stored = parse<Record<string, SideTotals | number[][]>>(this.properties[SEALED_PREFIX + cycle]) ?? {};
    const totals: Record<string, SideTotals> = {};
    for (const [side, entry] of Object.entries(stored)) {
      if (Array.isArray(entry)) {
        totals[side] = { count: entry.length, sums: CORNERS.map((_, index) => entry.reduce((sum, answer) => sum + (answer[index] ?? 0), 0)) };
      } else if (entry && typeof entry.count === 'number' && Array.isArray(entry.sums)) {
        totals[side] = { count: entry.count, sums: [...entry.sums] };
      }
    }
    return totals;
  }

  /** The settings fixed when `cycle` opened; null for a cycle opened before they were kept. */
  settings(cycle: string): CycleSettings | null {
    const stored = parse<Partial<CycleSettings>>(this.properties[SETTINGS_KEY_PREFIX + cycleNameKey(cycle)]);
    if (!stored || !CYCLE_KINDS.includes(stored.kind as CycleKind) || !CYCLE_ANONYMITIES.includes(stored.anonymity as CycleAnonymity)) return null;
    const minimum = stored.sealedMinimum;
    return {
      kind: stored.kind as CycleKind,
      anonymity: stored.anonymity as CycleAnonymity,
      sealedMinimum: stored.anonymity === 'Sealed' && typeof minimum === 'number' && Number.isInteger(minimum) ? minimum : null,
    };
  }

  respondents(cycle: string): Respondents {
    const all: Respondents = {};
    for (const key of this.chunkKeys(cycle)) Object.assign(all, parse<Respondents>(this.properties[key]) ?? {});
    return all;
  }

  private chunkKeys(cycle: string): string[] {
    const prefix = `${ANSWERED_PREFIX}${cycle}#`;
    return Object.keys(this.properties)
      .filter((key) => key.startsWith(prefix))
      .sort((a, b) => Number(a.slice(prefix.length)) - Number(b.slice(prefix.length)));
  }

  // ---- Changes, planned (written with the save's other changes, or not at all) ----

  /**
   * A closed cycle's tokens and sums are no longer needed: nothing can be answered any more. They
   * are emptied in the save's one property call (a delete would cost a round trip per key); the
   * empty keys, a few per closed cycle, read as nothing.
   */
  planForget(plan: WritePlan, cycle: string): void {
    if (this.properties[SEALED_PREFIX + cycle] !== undefined) plan.setDocumentProperty(SEALED_PREFIX + cycle, '');
    for (const key of this.chunkKeys(cycle)) plan.setDocumentProperty(key, '');
  }

  /** Fixes a cycle's settings (when it opens, or for an open cycle from before they were kept). */
  planSettings(plan: WritePlan, cycle: string, settings: CycleSettings): void {
    plan.setDocumentProperty(SETTINGS_KEY_PREFIX + cycleNameKey(cycle), JSON.stringify(settings));
  }

  planSealedTotals(plan: WritePlan, cycle: string, totals: Record<string, SideTotals>): void {
    plan.setDocumentProperty(SEALED_PREFIX + cycle, JSON.stringify(totals));
  }

  /**
   * Marks the person as having answered. Tokens are kept in chunks of at most one property's size,
   * so a cycle of any size stays inside Apps Script's per-property limit.
   */
  planRespondent(plan: WritePlan, cycle: string, token: string, participant: string): void {
    const keys = this.chunkKeys(cycle);
    const holding = keys.find((key) => token in (parse<Respondents>(this.properties[key]) ?? {}));
    const target = holding ?? keys[keys.length - 1];
    const chunk = target ? (parse<Respondents>(this.properties[target]) ?? {}) : {};
    const grown = JSON.stringify({ ...chunk, [token]: participant });
    // Three bytes per character bounds any UTF-8 text.
    if (target && (holding !== undefined || grown.length * 3 <= MAX_PROPERTY_BYTES)) {
      plan.setDocumentProperty(target, grown);
    } else {
      plan.setDocumentProperty(`${ANSWERED_PREFIX}${cycle}#${keys.length}`, JSON.stringify({ [token]: participant }));
    }
  }
}

/** A Cycles cell whose typed value disagrees with the setting fixed when its cycle opened. */
export interface RetypedSetting {
  rowNumber: number;
  cycle: string;
  key: 'kind' | 'anonymity' | 'sealedMinimum';
  typed: CellValue;
  fixed: CellValue;
}

/**
 * The records as the cycles were opened: the kept settings win over the sheet's, and every cell
 * where the sheet says otherwise (a hand edit) is listed, for the next save to put back.
 */
export function withFixedSettings(
  records: readonly CycleRecord[],
  rows: ReadonlyArray<{ rowNumber: number; values: Readonly<Record<string, CellValue>> }>,
  store: CycleStore,
): { records: CycleRecord[]; retyped: RetypedSetting[] } {
  const retyped: RetypedSetting[] = [];
  const fixed = records.map((record, index) => {
    const settings = store.settings(record.name);
    const row = rows[index];
    if (!settings || !row) return record;
    const typedMinimum = typeof row.values.sealedMinimum === 'number' ? row.values.sealedMinimum : null;
    const differs = (key: RetypedSetting['key'], typed: CellValue, sheetValue: unknown, kept: string | number | null) => {
      if (sheetValue !== kept) retyped.push({ rowNumber: row.rowNumber, cycle: record.name, key, typed, fixed: kept ?? '' });
    };
    differs('kind', row.values.kind ?? '', record.kind, settings.kind);
    differs('anonymity', row.values.anonymity ?? '', record.anonymity, settings.anonymity);
    differs('sealedMinimum', row.values.sealedMinimum ?? '', typedMinimum, settings.sealedMinimum);
    return { ...record, ...settings };
  });
  return { records: fixed, retyped };
}
