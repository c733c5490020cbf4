/**
 * The argument schema of every server function google.script.run can call: the one boundary.
 * Every handler receives only what these return; lengths are the limits the README lists.
 */
import { ALIGNMENT_MARKS, ALIGNMENT_QUESTIONS, BREACH_STATUSES, LEARNING_KINDS, MAJOR_CHANGES } from '../../domain/audits';
import { COMMITMENT_STATUSES } from '../../domain/commitments';
import { CORNERS } from '../../domain/corners';
import { CYCLE_ANONYMITIES, CYCLE_KINDS } from '../../domain/cycles';
import { DISCLOSURE_STAGES } from '../../domain/disclosure';
import { LEVELS } from '../../domain/disclosure-advisor';
import { PARTNERSHIP_MODELS } from '../../domain/models';
import type { HandlerName, ServerApi } from '../api';
import { FRESHNESS_ARGUMENTS } from './freshness-inputs';
import { scorecardArguments } from './scorecard-inputs';
import { SEALED_MINIMUM_HIGHEST, SEALED_MINIMUM_LOWEST } from '../cycle-store';
import { negotiationArguments } from './negotiation-inputs';
import { governanceArguments } from './governance-inputs';
import {
  args, boolean, decimal, field, isoDay, keyed, list, nullable, object, oneOf, optionalField, someOf, text, wholeNumber,
} from './schema';

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

const name = text({ max: LIMITS.name, required: true });
const optionalName = text({ max: LIMITS.name });
const company = text({ max: LIMITS.company, required: true });
const cycle = text({ max: LIMITS.cycle, required: true });
const quarter = text({ max: LIMITS.quarter, required: true });
const id = text({ max: 12, required: true, pattern: ID });
const shortText = text({ max: LIMITS.shortText });
const requiredShortText = text({ max: LIMITS.shortText, required: true });
const commitmentText = text({ max: LIMITS.commitment, required: true });
const longText = text({ max: LIMITS.longText });
const requiredLongText = text({ max: LIMITS.longText, required: true });
const rating = wholeNumber(1, 10);
const corner = oneOf(CORNERS);
const level = oneOf(LEVELS);

const actionInput = object({
  commitment: field('The action', commitmentText),
  ownerSide: field('The owner side', company),
  ownerPerson: field('The owner person', name),
  dueDate: field('The due date', isoDay()),
});

type Parsers = { [K in HandlerName]: (values: readonly unknown[]) => Parameters<ServerApi[K]> };

export const ARGUMENTS: Parsers = {
  loadHome: args('loadHome'),
  saveIdentity: args('saveIdentity', field('Who you are', object({
    displayName: field('Your name', name),
    side: field('Your side', company),
  }))),
  setUpWorkbook: args('setUpWorkbook', { ...field('The partnership', nullable(object({
    ourCompany: field('Your company', company),
    partnerCompany: field('The partner company', company),
    model: field('The partnership model', oneOf(PARTNERSHIP_MODELS)),
  }))), optional: true }),
  loadExample: args('loadExample'),
  loadAssessment: args('loadAssessment'),
  startCycle: args('startCycle', field('The new cycle', object({
    name: field('The cycle name', cycle),
    kind: field('The kind of cycle', oneOf(CYCLE_KINDS)),
    anonymity: field('The anonymity', oneOf(CYCLE_ANONYMITIES)),
    sealedMinimum: optionalField('Answers per side before a sealed cycle writes means', wholeNumber(SEALED_MINIMUM_LOWEST, SEALED_MINIMUM_HIGHEST)),
  }))),
  closeCycle: args('closeCycle', field('The cycle', cycle)),
  submitAssessment: args('submitAssessment', field('The assessment', object({
    cycle: field('The cycle', cycle),
    ratings: field('The ratings', keyed(CORNERS, rating, (key) => `The rating for ${key}`)),
    evidence: field('The evidence', keyed(CORNERS, longText, (key) => `The evidence for ${key}`)),
  }))),
  loadResults: args('loadResults', { ...field('The cycle', nullable(cycle)), optional: true }),
  agreeActions: args(
    'agreeActions',
    field('The cycle', cycle),
    field('The corner', corner),
    field('The actions', list(actionInput, { min: 3, max: 3, itemLabel: (index) => `Action ${index + 1}` })),
  ),
  acceptCommitment: args('acceptCommitment', field('The commitment id', id)),
  ...negotiationArguments(LIMITS, id),
  loadCommitments: args('loadCommitments'),
  addCommitment: args('addCommitment', field('The commitment', object({
    commitment: field('The commitment', commitmentText),
    ownerSide: field('The owner side', company),
    ownerPerson: field('The owner person', name),
    corner: field('The corner', oneOf(['', ...CORNERS] as const)),
    dueDate: field('The due date', isoDay()),
  }))),
  updateCommitment: args('updateCommitment', field('The update', object({
    id: field('The commitment id', id),
    status: optionalField('The status', oneOf(COMMITMENT_STATUSES)),
    doneOn: optionalField('Done on', isoDay({ blank: true })),
    flaggedOn: optionalField('Flagged early on', isoDay({ blank: true })),
    recoveryPlan: optionalField('The recovery plan', longText),
  }))),

  loadCompetenceAudit: args('loadCompetenceAudit'),
  submitCompetenceRating: args('submitCompetenceRating', field('The competence rating', object({
    quarter: field('The quarter', quarter),
    ratedSide: field('The side rated', company),
    participant: field('Your name on the rating', optionalName),
    domainExpertise: field('Domain expertise', rating),
    executionCapacity: field('Execution capacity', rating),
    learningVelocity: field('Learning velocity', rating),
    evidence: field('The evidence', longText),
  }))),
  addLearningActivity: args('addLearningActivity', field('The learning activity', object({
    date: field('The date', isoDay()),
    side: field('The side', company),
    person: field('The person', optionalName),
    activity: field('The activity', requiredShortText),
    kind: field('The kind', oneOf(LEARNING_KINDS)),
    hours: field('Hours', nullable(decimal(0, 1000))),
  }))),
  loadAlignmentAudit: args('loadAlignmentAudit', { ...field('The quarter', nullable(quarter)), optional: true }),
  saveAlignmentAnswers: args('saveAlignmentAnswers', field('The answers', object({
    quarter: field('The quarter', quarter),
    answers: field('The answers', someOf(ALIGNMENT_QUESTIONS, longText, (question) => `The answer to "${question}"`)),
  }))),
  markAlignment: args(
    'markAlignment',
    field('The quarter', quarter),
    field('The question', oneOf(ALIGNMENT_QUESTIONS)),
    field('The mark', oneOf(['', ...ALIGNMENT_MARKS] as const)),
  ),
  loadPremortem: args('loadPremortem'),
  addRisk: args('addRisk', field('The risk', object({
    initiative: field('The initiative', requiredShortText),
    risk: field('What could go wrong', requiredLongText),
    likelihood: field('Likelihood', level),
    impact: field('Impact', level),
    earlySignal: field('The early signal', longText),
    recoveryStandard: field('The recovery standard', longText),
    ownerSide: field('The owner side', company),
  }))),
  riskToCommitment: args('riskToCommitment', field('The risk id', id), field('The due date', isoDay())),
  adviseDisclosure: args('adviseDisclosure', field('The disclosure', disclosureInput())),
  recordDisclosure: args('recordDisclosure', field('The disclosure', disclosureInput())),
  loadBreaches: args('loadBreaches'),
  recordBreach: args('recordBreach', field('The breach', object({
    date: field('The date', isoDay()),
    what: field('What happened', requiredLongText),
    corner: field('The corner', corner),
  }))),
  updateBreach: args('updateBreach', field('The breach update', object({
    id: field('The breach id', id),
    acknowledgedOn: optionalField('Acknowledged on', isoDay({ blank: true })),
    preventionPlan: optionalField('The prevention plan', longText),
    reviewDate: optionalField('The review date', isoDay({ blank: true })),
    status: optionalField('The status', oneOf(BREACH_STATUSES)),
  }))),
  recordMajorChange: args('recordMajorChange', field('The major change', object({
    change: field('The change', oneOf(MAJOR_CHANGES)),
    note: field('The note', longText),
  }))),
  ...FRESHNESS_ARGUMENTS,
  ...scorecardArguments(LIMITS),
  ...governanceArguments(LIMITS, id),
};

function disclosureInput() {
  return object({
    shared: field('What you share', shortText),
    stage: field('The stage', oneOf(DISCLOSURE_STAGES)),
    exploitationRisk: field('Exploitation risk', level),
    coordinationValue: field('Coordination value', level),
    partnerReciprocated: field('Whether the partner reciprocated', boolean),
    performanceCanShow: field('Whether results can show it', boolean),
  });
}
