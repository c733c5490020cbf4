import { sideKey } from './scores';

/** Graduated disclosure stages, from what is needed to coordinate to long-term plans. */
export const DISCLOSURE_STAGES = ['Early', 'Mid', 'Late'] as const;
export type DisclosureStage = (typeof DISCLOSURE_STAGES)[number];

export function parseStage(text: string): DisclosureStage | undefined {
  const wanted = text.trim().toLowerCase();
  return DISCLOSURE_STAGES.find((stage) => stage.toLowerCase() === wanted);
}

export interface Disclosure {
  side: string;
  stage: DisclosureStage;
}

/**
 * The highest stage you may open next: one above the highest stage the partner has shared
 * (tit-for-tat), `Early` while the partner has shared nothing, never beyond `Late`.
 */
export function nextDisclosureStage(ledger: readonly Disclosure[], partner: string): DisclosureStage {
  const partnerKey = sideKey(partner);
  let highestMatched = -1;
  for (const entry of ledger) {
    if (sideKey(entry.side) !== partnerKey) continue;
    highestMatched = Math.max(highestMatched, DISCLOSURE_STAGES.indexOf(entry.stage));
  }
  const next = Math.min(highestMatched + 1, DISCLOSURE_STAGES.length - 1);
  return DISCLOSURE_STAGES[next];
}
