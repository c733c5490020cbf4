import type { Actor } from '../../workbook/commitments-log';
import { type SavedIdentity, labelOf, savedIdentity } from '../../workbook/identity';
import { findSide } from '../../workbook/input';

/**
 * Who is calling, decided on the server: the name, side and person id the caller saved for this
 * spreadsheet. Authority (which side answers, proposes or accepts) comes from here, never from a
 * request's arguments.
 */
export interface Caller {
  identity: SavedIdentity;
  /** The caller's side, spelled as the Partnership sheet spells it. */
  side: string;
  actor: Actor;
}

export function requireSides(sides: readonly string[]): void {
  if (sides.length < 2) throw new Error('Name the two companies on the Partnership sheet first (Our company, Partner company).');
}

export function requireCaller(sides: readonly string[], identity: SavedIdentity | null = savedIdentity()): Caller {
  if (!identity) throw new Error('Tell us who you are first: your name and side.');
  requireSides(sides);
  const side = findSide(sides, identity.side);
  if (!side) {
    throw new Error(`Your saved side "${identity.side}" is not one of the two companies now (${sides.join(', ')}); choose your side again.`);
  }
  return { identity, side, actor: { label: labelOf(identity), side } };
}

/** The side across from `side`. */
export const otherSide = (sides: readonly string[], side: string): string =>
  sides.find((candidate) => candidate.toLowerCase() !== side.toLowerCase()) as string;

/** What the sidebar may see of the saved identity: the name and side, never the person id. */
export const publicIdentity = (identity: SavedIdentity | null): { displayName: string; side: string } | null =>
  identity ? { displayName: identity.displayName, side: identity.side } : null;

/** `value` spelled as the Partnership sheet spells one of the two companies, or a clear refusal naming `field`. */
export function requireSide(value: string, sides: readonly string[], field: string): string {
  const side = findSide(sides, value);
  if (!side) throw new Error(`${field} "${value}" is not one of the two companies (${sides.join(', ') || 'name them on the Partnership sheet first'}).`);
  return side;
}
