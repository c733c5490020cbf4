export const RELEASE_FILES: Record<string, string>;
export const STEPS_FILE: string;
export const STEPS_DOC: string;
export function pasteSteps(doc: string): string;
export function release(options?: { outDir?: string; build?: () => Promise<unknown> }): Promise<{ outDir: string; files: string[] }>;
