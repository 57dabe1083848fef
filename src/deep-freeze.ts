/**
 * Freezes a value all the way down, so that a shared (cached) one cannot be changed by a reader.
 * Parts already frozen are not walked again.
 */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
