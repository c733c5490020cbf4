export function buildAddon(): Promise<{ bytes: number; customFunctions: number; entryPoints: number }>;
