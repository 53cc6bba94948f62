import pino from 'pino';
import { parseInput } from '../dialogs/parse-input';
import { pathway } from '../src/content';
import { seeded } from '../src/pathway/seeded';
import { ConsultService } from '../src/conversation/consult';
import { MemoryStore } from '../src/store/memory';
import type { View } from '../src/view/view';

/**
 * `count` whole consults with each answer picked at random (seeded), typed as numbers as a clinician
 * would, played through the pathway itself so that each one ends in its recommendation. The bench
 * plays these next to its one fixed consult: nearly every recommendation here is new to the bot, so
 * its caches of recommendations and their cards show what they give real traffic, not a best case.
 */
export async function variedConsults(count: number, seed = 20261201): Promise<string[][]> {
  const service = new ConsultService(new MemoryStore(), pathway, pino({ level: 'silent' }));
  const next = seeded(seed);
  const consults: string[][] = [];
  for (let i = 0; i < count; i++) {
    const typed = ['start'];
    let views: View[] = (await service.turn(`varied-${i}`, parseInput('start', undefined))).views;
    for (;;) {
      const question = [...views].reverse().find((v) => v.kind === 'question');
      if (!question || question.kind !== 'question') break;
      const answer = String(1 + Math.floor(next() * question.options.length));
      typed.push(answer);
      views = (await service.turn(`varied-${i}`, parseInput(answer, undefined))).views;
    }
    if (!views.some((v) => v.kind === 'recommendation'))
      throw new Error(`varied consult ${i} did not end in a recommendation`);
    consults.push(typed);
  }
  return consults;
}
