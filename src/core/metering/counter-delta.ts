/** How a counter moved between two readings. */
export type CounterStep = 'normal' | 'rollover' | 'reset';

/**
 * The quantity a cumulative counter measured between two readings. A drop is a rollover when the
 * meter has a modulus and the previous reading was in its top tenth (the register wrapped past
 * `rolloverAt` to 0: the use is `rolloverAt - previous + current`); any other drop is a reset (the
 * register was replaced or cleared and counted up from 0 since: the use is `current`).
 */
export function counterDelta(
  previous: number,
  current: number,
  rolloverAt: number | null,
): { readonly delta: number; readonly step: CounterStep } {
  if (current >= previous) return { delta: current - previous, step: 'normal' };
  if (
    rolloverAt !== null &&
    previous >= rolloverAt * 0.9 &&
    previous <= rolloverAt &&
    current < rolloverAt * 0.1
  )
    return { delta: rolloverAt - previous + current, step: 'rollover' };
  return { delta: current, step: 'reset' };
}
