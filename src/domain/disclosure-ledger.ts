import type { DisclosureStage } from './disclosure';
import { NOT_SHARED } from './disclosure-advisor';
import { sideKey } from './scores';

/**
 * The Disclosure Ledger's *Reciprocates* column (DOMAIN.md "Graduated disclosure": escalate only
 * when the partner reciprocates). An entry that shared something answers the other side's earliest
 * entry at the same stage that nothing of this side has answered yet: tit-for-tat, one for one.
 * Entries that recorded a decision not to share (NOT_SHARED) answer nothing and are never answered.
 */
export interface LedgerEntry {
  id: string;
  side: string;
  stage: DisclosureStage;
  /** The advisor's decision as recorded (blank for an entry typed by hand). */
  decision: string;
  /** The ID in the Reciprocates column ('' when blank). */
  reciprocates: string;
}

const idKey = (id: string): string => id.trim().toLowerCase();

const sharedSomething = (entry: Pick<LedgerEntry, 'decision'>): boolean => !NOT_SHARED.has(entry.decision.trim());

/**
 * The entry a new one (by `side`, at `stage`, with `decision`) reciprocates, or null: the other
 * side's earliest shared entry at that stage not yet answered by `side`.
 */
export function entryToReciprocate(ledger: readonly LedgerEntry[], entry: Pick<LedgerEntry, 'side' | 'stage' | 'decision'>): LedgerEntry | null {
  if (!sharedSomething(entry)) return null;
  const ours = sideKey(entry.side);
  const answered = new Set<string>();
  for (const row of ledger) {
    if (sideKey(row.side) === ours && row.reciprocates.trim() !== '') answered.add(idKey(row.reciprocates));
  }
  for (const row of ledger) {
    if (row.id.trim() === '' || sideKey(row.side) === ours || sideKey(row.side) === '') continue;
    if (row.stage !== entry.stage || !sharedSomething(row) || answered.has(idKey(row.id))) continue;
    return row;
  }
  return null;
}

/**
 * The Reciprocates value of every entry, as if each had been recorded in ledger order with
 * entryToReciprocate: an ID already typed is kept, a blank one is derived. For a ledger kept
 * before the column was filled in (Repair can write the derived blanks).
 */
export function reciprocationLinks(ledger: readonly LedgerEntry[]): string[] {
  const seen: LedgerEntry[] = [];
  return ledger.map((entry) => {
    const value = entry.reciprocates.trim() !== '' ? entry.reciprocates.trim() : entryToReciprocate(seen, entry)?.id ?? '';
    seen.push({ ...entry, reciprocates: value });
    return value;
  });
}

/** Per stage, whether the partner has answered what `side` shared: the ledger's reciprocity in words for a view. */
export interface ReciprocationSummary {
  /** Entries `side` shared. */
  shared: number;
  /** Of those, the ones the other side answered. */
  answered: number;
  /** The IDs still waiting for an answer, oldest first. */
  waiting: string[];
}

export function reciprocationOf(ledger: readonly LedgerEntry[], side: string): ReciprocationSummary {
  const ours = sideKey(side);
  const links = reciprocationLinks(ledger);
  const answeredIds = new Set(links.filter((link, index) => link !== '' && sideKey(ledger[index].side) !== ours).map(idKey));
  const mine = ledger.filter((entry) => sideKey(entry.side) === ours && sharedSomething(entry) && entry.id.trim() !== '');
  const waiting = mine.filter((entry) => !answeredIds.has(idKey(entry.id))).map((entry) => entry.id);
  return { shared: mine.length, answered: mine.length - waiting.length, waiting };
}
