/** The tables whose first rows a save may sum up as settled (settled.ts), with what each keeps of them. */
import { SETTLED_ALIGNMENT } from './alignment-read';
import { SETTLED_ANSWERS } from './answers-read';
import { SETTLED_BREACHES } from './breach-read';
import { SETTLED_COMMITMENTS } from './commitments-read';
import { SETTLED_RATINGS } from './competence-read';
import { SETTLED_LEARNING } from './learning-read';
import { SETTLED_DISCLOSURES } from './disclosure-read';
import { SETTLED_RISKS } from './premortem-read';
import { SETTLED_SCORECARD, SETTLED_VALUE } from './quarterly-read';
import type { SettledSpec } from './settled';

export const SETTLED_TABLES: ReadonlyArray<SettledSpec<unknown>> = [SETTLED_COMMITMENTS, SETTLED_BREACHES, SETTLED_ANSWERS, SETTLED_SCORECARD, SETTLED_VALUE, SETTLED_RISKS, SETTLED_RATINGS, SETTLED_LEARNING, SETTLED_DISCLOSURES, SETTLED_ALIGNMENT] as ReadonlyArray<SettledSpec<unknown>>;
