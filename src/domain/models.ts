import type { Corner } from './corners';

export const PARTNERSHIP_MODELS = ['Transactional', 'Strategic', 'Ecosystem', 'Co-innovation'] as const;
export type PartnershipModel = (typeof PARTNERSHIP_MODELS)[number];

export interface ModelProfile {
  model: PartnershipModel;
  description: string;
  primary: Corner;
  secondary: Corner;
  failureMode: string;
}

export const MODEL_PROFILES: Record<PartnershipModel, ModelProfile> = {
  Transactional: {
    model: 'Transactional',
    description: 'referral fees, basic resell',
    primary: 'Reliability',
    secondary: 'Transparency',
    failureMode: 'partners stop referring when reliability dips',
  },
  Strategic: {
    model: 'Strategic',
    description: 'joint go-to-market, co-sell',
    primary: 'Alignment',
    secondary: 'Competence',
    failureMode: 'misaligned goals waste resources',
  },
  Ecosystem: {
    model: 'Ecosystem',
    description: 'platform and app developers',
    primary: 'Transparency',
    secondary: 'Reliability',
    failureMode: 'platform changes disrupt developers',
  },
  'Co-innovation': {
    model: 'Co-innovation',
    description: 'joint product development',
    primary: 'Competence',
    secondary: 'Alignment',
    failureMode: 'technical or domain gaps; misaligned R&D timelines',
  },
};

const lettersOnly = (text: string): string => text.toLowerCase().replace(/[^a-z]/g, '');

/**
 * Reads a model name as people type it: case, spaces and hyphens do not matter ("co-innovation",
 * "Coinnovation"), and a trailing description such as "Strategic (joint GTM)" is allowed.
 */
export function parseModel(text: string): PartnershipModel | undefined {
  const typed = lettersOnly(text);
  if (typed === '') return undefined;
  return PARTNERSHIP_MODELS.find((model) => typed.startsWith(lettersOnly(model)));
}
