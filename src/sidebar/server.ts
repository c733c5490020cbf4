/**
 * The server side of every ritual, from the list in rituals.ts: the handlers google.script.run
 * calls by name, each behind its argument schema (boundary/guard.ts). A ritual missing here, or a
 * handler whose name two rituals share, fails the build or the first test that loads the bundle.
 */
import { guardHandlers } from './boundary/guard';
import type { Parsers, Ritual } from './ritual';
import type { HandlerName, RitualApis, RitualName, ServerApi } from './rituals';
import { ALIGNMENT } from './alignment/server';
import { ASSESSMENT } from './assessment/server';
import { BREACH } from './breach/server';
import { COMMITMENTS } from './commitments/server';
import { COMPETENCE } from './competence/server';
import { DISCLOSURE } from './disclosure/server';
import { FRESHNESS } from './freshness/server';
import { GOVERNANCE } from './governance/server';
import { HOME } from './home/server';
import { MAJOR_CHANGE } from './major-change/server';
import { PREMORTEM_RITUAL } from './premortem/server';
import { RESULTS } from './results/server';
import { REVIEW_PACK } from './review-pack/server';
import { SCORECARD_RITUAL } from './scorecard/server';
import { VALUE } from './value/server';

const RITUALS: { [K in RitualName]: Ritual<RitualApis[K]> } = {
  home: HOME,
  assessment: ASSESSMENT,
  results: RESULTS,
  commitments: COMMITMENTS,
  scorecard: SCORECARD_RITUAL,
  competence: COMPETENCE,
  alignment: ALIGNMENT,
  premortem: PREMORTEM_RITUAL,
  disclosure: DISCLOSURE,
  breach: BREACH,
  majorChange: MAJOR_CHANGE,
  governance: GOVERNANCE,
  reviewPack: REVIEW_PACK,
  value: VALUE,
  freshness: FRESHNESS,
};

/** One object from every ritual's part; a name two rituals both define is a programming error. */
function merged<T>(part: (ritual: Ritual<unknown>) => object): T {
  const out: Record<string, unknown> = {};
  for (const [ritual, definition] of Object.entries(RITUALS) as Array<[string, Ritual<unknown>]>) {
    for (const [name, value] of Object.entries(part(definition))) {
      if (name in out) throw new Error(`Two rituals define the server function "${name}" (the second is ${ritual}).`);
      out[name] = value;
    }
  }
  return out as T;
}

/** The argument schema of every server function: the one boundary. */
export const ARGUMENTS: Parsers<ServerApi> = merged((ritual) => ritual.arguments as object);

/** The handlers google.script.run calls, by name, each behind its schema. */
export const SIDEBAR_HANDLERS: ServerApi = guardHandlers(merged<ServerApi>((ritual) => ritual.handlers as object), ARGUMENTS);

export type { HandlerName, ServerApi };
