/**
 * How an open sidebar learns that the workbook changed under it: one cheap call per poll that
 * reads the change counter (src/workbook/change-counter.ts) and nothing else.
 */
export interface Changes {
  /** The workbook's change count now. */
  counter: number;
  /**
   * Changes since the count the caller knew: 0 when none (and on the first poll, with no count
   * known); 1 when the count went backwards (the property was reset), since something changed.
   */
  since: number;
}

export interface FreshnessApi {
  changesSince(known: number | null): Changes;
}
