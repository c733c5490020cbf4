/**
 * What a ritual's folder gives the server: the handlers google.script.run calls by name, and the
 * schema that parses each one's arguments before the handler sees them (boundary/guard.ts).
 */
export type Parsers<Api> = {
  [K in keyof Api]: (values: readonly unknown[]) => Api[K] extends (...args: infer P) => unknown ? P : never;
};

export interface Ritual<Api> {
  handlers: Api;
  arguments: Parsers<Api>;
}
