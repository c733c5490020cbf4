import type { CornerName } from '../common/api';

/** Activities that build each corner (DOMAIN.md), offered with the results. */
export const ACTIVITIES: Record<CornerName, string[]> = {
  Competence: ['Joint competency review', 'Co-invest in training and certification', 'Keep a shared log of learning activities'],
  Reliability: [
    'Small, time-bound commitments, celebrated when met',
    'Review the Shared Commitments Log at every sync',
    'Run a pre-mortem before a big joint initiative',
  ],
  Transparency: ['Share your own data first', 'Agree a "no surprises" rule', 'Keep a joint dashboard and the Joint Health Scorecard'],
  Alignment: [
    'Review a joint roadmap quarterly',
    'Share each side’s top three priorities before the steering committee',
    'Run the Alignment Audit: shared purpose, success in three years, boundaries',
  ],
};
