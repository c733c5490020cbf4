/** The argument schema of the Joint Health Scorecard's server functions (spread into ARGUMENTS). */
import { CORNERS } from '../../domain/corners';
import type { ScorecardApi } from '../scorecard-api';
import { args, field, keyed, nullable, object, text, wholeNumber } from './schema';

/** A quarter to save under: 2026-Q4 (loading accepts any label typed on the sheet). */
const QUARTER_LABEL = { test: /^\d{4}-Q[1-4]$/, expected: 'a quarter such as 2026-Q4' };

type Parsers = { [K in keyof ScorecardApi]: (values: readonly unknown[]) => Parameters<ScorecardApi[K]> };

/**
 * Takes the shared text limits as an argument rather than importing them: inputs.ts spreads these
 * parsers into ARGUMENTS, and an import back into it would be a cycle the bundle runs in the wrong order.
 */
export function scorecardArguments(limits: { quarter: number; commitment: number; longText: number }): Parsers {
  const quarterToSave = text({ max: limits.quarter, required: true, pattern: QUARTER_LABEL });
  const anyQuarter = text({ max: limits.quarter, required: true });
  const rating = wholeNumber(1, 10);
  /** An action item is one line of the Action items cell. */
  const actionItem = text({ max: limits.commitment, required: true, pattern: { test: /^[^\r\n]*$/, expected: 'one line of text' } });
  return {
    loadScorecard: args('loadScorecard', { ...field('The quarter', nullable(anyQuarter)), optional: true }),
    saveScorecard: args('saveScorecard', field('The scorecard', object({
      quarter: field('The quarter', quarterToSave),
      corners: field('The corner scores', keyed(CORNERS, rating, (corner) => `The score for ${corner}`)),
      domainExpertise: field('Domain expertise', nullable(rating)),
      executionCapacity: field('Execution capacity', nullable(rating)),
      learningVelocity: field('Learning velocity', nullable(rating)),
      satisfaction: field('Partner satisfaction', wholeNumber(0, 10)),
      comments: field('The comments', text({ max: limits.longText })),
    }))),
    addScorecardActionItem: args('addScorecardActionItem', field('The quarter', quarterToSave), field('The action item', actionItem)),
  };
}
