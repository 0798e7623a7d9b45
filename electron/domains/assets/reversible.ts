import type { MovementFact } from '../../../shared/rules/assetState';

/**
 * The movement a reversal may take out of effect now: the asset's latest in effect. Undoing
 * from the end keeps the chain of holders and values whole (see movements.ts).
 */
export function reversibleMovement(effective: readonly MovementFact[]): MovementFact | null {
  return effective[effective.length - 1] ?? null;
}
