import type { DeepReadonly } from './types.js';

// Roots already frozen all the way down: every VU of a worker thread freezes the same `data`,
// and only the first should pay for the walk.
const frozenRoots = new WeakSet<object>();

/**
 * Freezes `value` and everything reachable from it (own properties, array items; typed
 * arrays, which cannot be frozen, are left as they are), in place, and returns it. Repeated calls with the same root are O(1). Used for `ctx.data`.
 */
export function deepFreeze<T>(value: T): DeepReadonly<T> {
  if (typeof value === 'object' && value !== null && !frozenRoots.has(value)) {
    freezeAll(value, new Set());
    frozenRoots.add(value);
  }
  return value as DeepReadonly<T>;
}

function freezeAll(value: object, seen: Set<object>): void {
  if (seen.has(value) || ArrayBuffer.isView(value)) return;
  seen.add(value);
  Object.freeze(value);
  for (const key of Reflect.ownKeys(value)) {
    const child = (value as Record<PropertyKey, unknown>)[key];
    if (typeof child === 'object' && child !== null) freezeAll(child, seen);
  }
}
