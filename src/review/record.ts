import type { MissStream } from '../store/miss-stream.js';
import { classifyMiss, type ObservedTurn } from './miss.js';

/** The bot's turn hook that writes the turns that missed to the miss log. */
export const recordMisses =
  (misses: Pick<MissStream, 'record'>) =>
  (turn: ObservedTurn): void => {
    const miss = classifyMiss(turn);
    if (miss) misses.record(miss);
  };
