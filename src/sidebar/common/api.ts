/**
 * What every ritual's part of the sidebar contract shares. Only plain JSON crosses google.script.run:
 * dates are ISO strings (yyyy-mm-dd for days), never Date objects.
 */
export type CornerName = 'Competence' | 'Reliability' | 'Transparency' | 'Alignment';
/** A mean per corner in canonical order; null where nobody rated it. */
export type CornerValues = Record<CornerName, number | null>;

export interface Identity {
  displayName: string;
  side: string;
}

/** The quarters a quarterly view does not list (settled: a year old or more): `from` through `through`, `rows` rows of the sheet. */
export interface OlderQuarters {
  from: string;
  through: string;
  rows: number;
}
