export const RELEASE_FILES: Record<string, string>;
export const STEPS_FILE: string;
export function pasteSteps(readme: string): string;
export function release(options?: { outDir?: string; build?: () => Promise<unknown> }): Promise<{ outDir: string; files: string[] }>;
