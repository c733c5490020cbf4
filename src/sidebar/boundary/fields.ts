/**
 * The field schemas every ritual's argument schema is built from, with the limits the docs list:
 * one definition of how long a name, a cycle or a piece of evidence may be.
 */
import { CORNERS } from '../../domain/corners';
import { LEVELS } from '../../domain/disclosure-advisor';
import { oneOf, text, wholeNumber } from './schema';

/** Longest text each kind of field accepts (characters, after trimming); longer is refused, never cut. */
export const LIMITS = {
  name: 100,
  company: 100,
  cycle: 60,
  quarter: 60,
  shortText: 300,
  commitment: 500,
  longText: 5000,
} as const;

/** Ids the add-on allocates: a letter, a dash and digits (C-001, R-12). */
const ID = { test: /^[A-Z]-\d{1,9}$/, expected: 'an id such as C-001' };

export const name = text({ max: LIMITS.name, required: true });
export const optionalName = text({ max: LIMITS.name });
export const company = text({ max: LIMITS.company, required: true });
export const cycle = text({ max: LIMITS.cycle, required: true });
export const quarter = text({ max: LIMITS.quarter, required: true });
export const id = text({ max: 12, required: true, pattern: ID });
export const shortText = text({ max: LIMITS.shortText });
export const requiredShortText = text({ max: LIMITS.shortText, required: true });
export const commitmentText = text({ max: LIMITS.commitment, required: true });
export const longText = text({ max: LIMITS.longText });
export const requiredLongText = text({ max: LIMITS.longText, required: true });
export const rating = wholeNumber(1, 10);
export const corner = oneOf(CORNERS);
export const level = oneOf(LEVELS);
/** Why something was decided: required, as long as evidence. */
export const reasons = requiredLongText;
