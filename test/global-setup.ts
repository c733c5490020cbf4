import { buildAddon } from '../scripts/build.mjs';

/** Every test run checks the artefact that would be pushed, so build it once, first. */
export default async function setup(): Promise<void> {
  await buildAddon();
}
