export function buildAddon(): Promise<{ bytes: number; customFunctions: number; entryPoints: number }>;
export function serverBytesBySource(): Promise<Record<string, number>>;
