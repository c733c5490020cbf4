/** Alignment Audit questions, then the top three priorities of the next quarter. */
export const ALIGNMENT_QUESTIONS = [
  'Shared purpose',
  'Success in three years',
  'Boundaries',
  'Priority 1 next quarter',
  'Priority 2 next quarter',
  'Priority 3 next quarter',
] as const;

export const ALIGNMENT_MARKS = ['Aligned', 'Partly', 'Not aligned'] as const;
export type AlignmentMark = (typeof ALIGNMENT_MARKS)[number];

/** Share of the marked pairs marked Aligned (decision: Partly does not count); null before any mark. */
export function shareAligned(marks: readonly (AlignmentMark | '')[]): number | null {
  const marked = marks.filter((mark) => mark !== '');
  return marked.length === 0 ? null : marked.filter((mark) => mark === 'Aligned').length / marked.length;
}

/** Major changes that call for an ad hoc reassessment (DOMAIN.md rule 7). */
export const MAJOR_CHANGES = ['Leadership change', 'Launch', 'Merger', 'Market disruption', 'Other'] as const;

/** Steps of a reset after a severe breach, instead of the 90-day loop. */
export const RESET_STEPS = [
  'Acknowledge what happened, to the partner, in writing',
  'Agree a prevention plan',
  'A period of consistent behaviour, tracked as commitments',
  'A facilitated review on the agreed date',
] as const;

/** Where a reset after a severe breach stands. */
export const BREACH_STATUSES = ['Reset under way', 'Reset complete'] as const;
export type BreachStatus = (typeof BREACH_STATUSES)[number];

/** Kinds of activity in the Learning Log (the Competence corner's learning velocity). */
export const LEARNING_KINDS = ['Certification', 'Training', 'Conference', 'Other'] as const;
