import type { PathwayInput } from '../schema';

export const pitfalls: PathwayInput['pitfalls'] = [];
