export const PROJECT_FILE: string;
export const DEFAULT_TITLE: string;
export class DeployError extends Error {}
export function readProject(root: string): { placeholder: true } | { placeholder: false; scriptId: string; parentId?: string; rootDir?: string } | null;
export function spreadsheetUrl(id: string): string;
export function scriptUrl(id: string): string;
export function deploy(options: {
  root: string;
  env?: NodeJS.ProcessEnv;
  build: () => Promise<unknown>;
  log?: (line: string) => void;
  title?: string;
}): Promise<{ created: boolean; scriptId: string; spreadsheetId: string | null }>;
