import type { Corner } from './corners';

export const PARTNERSHIP_MODELS = ['Transactional', 'Strategic', 'Ecosystem', 'Co-innovation'] as const;
export type PartnershipModel = (typeof PARTNERSHIP_MODELS)[number];

export interface ModelProfile {
  model: PartnershipModel;
  description: string;
  primary: Corner;
  secondary: Corner;
  failureMode: string;
  /**
   * The failure mode split by the corner it is about: quoted only when explaining that corner
   * (Transparency is not explained by "misaligned goals waste resources").
   */
  failureByCorner: Partial<Record<Corner, string>>;
}

export const MODEL_PROFILES: Record<PartnershipModel, ModelProfile> = {
  Transactional: {
    model: 'Transactional',
    description: 'referral fees, basic resell',
    primary: 'Reliability',
    secondary: 'Transparency',
    failureMode: 'partners stop referring when reliability dips',
    failureByCorner: { Reliability: 'partners stop referring when reliability dips' },
  },
  Strategic: {
    model: 'Strategic',
    description: 'joint go-to-market, co-sell',
    primary: 'Alignment',
    secondary: 'Competence',
    failureMode: 'misaligned goals waste resources',
    failureByCorner: { Alignment: 'misaligned goals waste resources' },
  },
  Ecosystem: {
    model: 'Ecosystem',
    description: 'platform and app developers',
    primary: 'Transparency',
    secondary: 'Reliability',
    failureMode: 'platform changes disrupt developers',
    failureByCorner: { Transparency: 'platform changes disrupt developers' },
  },
  'Co-innovation': {
    model: 'Co-innovation',
    description: 'joint product development',
    primary: 'Competence',
    secondary: 'Alignment',
    failureMode: 'technical or domain gaps; misaligned R&D timelines',
    failureByCorner: { Competence: 'technical or domain gaps', Alignment: 'misaligned R&D timelines' },
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

/**
 * Why a corner matters in this partnership: its role for the model and, only when the model's
 * failure mode is about this very corner, that failure. Says nothing about why the corner is the
 * focus (focus.ts describes that), so it stays true when the +2 rule kept an older focus.
 */
export function cornerImportance(corner: Corner, model: PartnershipModel | undefined): string {
  if (!model) return `${corner} is one of the four corners every partnership needs: the square is only as strong as its weakest corner.`;
  const profile = MODEL_PROFILES[model];
  const role =
    profile.primary === corner
      ? 'the corner this model depends on most'
      : profile.secondary === corner
        ? 'the second corner this model depends on'
        : 'a corner every partnership needs';
  const failure = profile.failureByCorner[corner];
  return `${corner} is ${role} in a ${model} partnership (${profile.description})${failure ? `; its common failure: ${failure}` : ''}.`;
}
