import { pathway } from './index';
import { training as input } from './bcbm/training';
import { loadTraining, type Training } from './training-schema';

/**
 * The trainee-mode content, parsed and cross-checked against the consult content once at module load,
 * so a dangling citation or item id stops start-up with a message that names it.
 */
export const training: Training = loadTraining(input, pathway);
