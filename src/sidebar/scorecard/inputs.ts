/** The argument schema of the Joint Health Scorecard's server functions. */
import { CORNERS } from '../../domain/corners';
import type { Parsers } from '../ritual';
import type { ScorecardApi } from './api';
import { LIMITS, rating } from '../boundary/fields';
import { args, field, keyed, nullable, object, text, wholeNumber } from '../boundary/schema';

/** A quarter to save under: 2026-Q4 (loading accepts any label typed on the sheet). */
const QUARTER_LABEL = { test: /^\d{4}-Q[1-4]$/, expected: 'a quarter such as 2026-Q4' };

const quarterToSave = text({ max: LIMITS.quarter, required: true, pattern: QUARTER_LABEL });
const anyQuarter = text({ max: LIMITS.quarter, required: true });
/** An action item is one line of the Action items cell. */
const actionItem = text({ max: LIMITS.commitment, required: true, pattern: { test: /^[^\r\n]*$/, expected: 'one line of text' } });

export const SCORECARD_ARGUMENTS: Parsers<ScorecardApi> = {
  loadScorecard: args('loadScorecard', { ...field('The quarter', nullable(anyQuarter)), optional: true }),
  saveScorecard: args('saveScorecard', field('The scorecard', object({
    quarter: field('The quarter', quarterToSave),
    corners: field('The corner scores', keyed(CORNERS, rating, (corner) => `The score for ${corner}`)),
    domainExpertise: field('Domain expertise', nullable(rating)),
    executionCapacity: field('Execution capacity', nullable(rating)),
    learningVelocity: field('Learning velocity', nullable(rating)),
    satisfaction: field('Partner satisfaction', wholeNumber(0, 10)),
    comments: field('The comments', text({ max: LIMITS.longText })),
  }))),
  addScorecardActionItem: args('addScorecardActionItem', field('The quarter', quarterToSave), field('The action item', actionItem)),
};
