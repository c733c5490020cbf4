import type { Parsers } from '../ritual';
import type { HandlerName, ServerApi } from '../rituals';

/** Longest error message a caller sees; anything longer was not written for a person. */
const MAX_MESSAGE = 300;

function readable(error: unknown): Error {
  if (error instanceof Error && error.message.length <= MAX_MESSAGE) return error;
  const message = error instanceof Error ? error.message : String(error);
  const shortened = new Error(`${message.slice(0, MAX_MESSAGE - 1)}…`);
  shortened.name = error instanceof Error ? error.name : 'Error';
  return shortened;
}

/**
 * Every server function behind its schema: the arguments google.script.run delivered are parsed
 * before the handler reads or writes anything, and the handler sees only what the schema returned.
 */
export function guardHandlers(handlers: ServerApi, ARGUMENTS: Parsers<ServerApi>): ServerApi {
  const guarded = {} as Record<HandlerName, (...values: unknown[]) => unknown>;
  for (const name of Object.keys(ARGUMENTS) as HandlerName[]) {
    const handler = handlers[name] as (...values: unknown[]) => unknown;
    const parse = ARGUMENTS[name] as (values: readonly unknown[]) => unknown[];
    guarded[name] = (...values: unknown[]) => {
      try {
        return handler(...parse(values));
      } catch (error) {
        throw readable(error);
      }
    };
  }
  return guarded as unknown as ServerApi;
}
