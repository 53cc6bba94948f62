import type { PathwayInput } from '../schema';

export const unknowns: PathwayInput['unknowns'] = [];
