import { z } from 'zod';
import { bcbmContent } from './bcbm';
import { PathwayParser } from './compile';
import type { Pathway, PathwayInput } from './schema';

/** Parses content; a bad item stops start-up with a message that names it. */
export function loadPathway(input: PathwayInput): Pathway {
  const result = PathwayParser.safeParse(input);
  if (!result.success)
    throw new Error(`content "${String(input.id)}" is invalid:\n${z.prettifyError(result.error)}`);
  return result.data;
}

/** Parsed once at module load: content problems fail at start-up and in tests, never mid-consult. */
export const pathway: Pathway = loadPathway(bcbmContent);
