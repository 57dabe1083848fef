import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { withDeadline } from '../../src/store/deadline.js';

describe('withDeadline', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const late = () => new Error('too late');

  it('settles with the value, and leaves no timer behind', async () => {
    await expect(withDeadline(Promise.resolve(7), 100, late)).resolves.toBe(7);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("passes the promise's own error on, and leaves no timer behind", async () => {
    await expect(withDeadline(Promise.reject(new Error('boom')), 100, late)).rejects.toThrow(
      'boom',
    );
    expect(vi.getTimerCount()).toBe(0);
  });

  it('rejects with the time-out error once the time is up, not before', async () => {
    const never = new Promise<never>(() => {});
    let outcome: unknown;
    withDeadline(never, 100, late).catch((err: unknown) => (outcome = err));
    await vi.advanceTimersByTimeAsync(99);
    expect(outcome).toBeUndefined();
    await vi.advanceTimersByTimeAsync(1);
    expect(outcome).toEqual(new Error('too late'));
  });
});
