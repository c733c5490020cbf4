/** A major change (leadership, launch, merger, market): the reassessment is due now. */
import type { HomeView } from '../home/api';

export interface MajorChangeInput {
  change: string;
  note: string;
}

export interface MajorChangeApi {
  recordMajorChange(input: MajorChangeInput): HomeView;
}
