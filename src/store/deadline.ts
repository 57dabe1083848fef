/**
 * Settles like `promise`, or rejects with `timedOut()` after `ms` milliseconds if it has not
 * settled by then. One plain timer per call: node-redis's own command timeout makes an
 * `AbortSignal.timeout` for every command, which costs several times the CPU (see
 * bench/redis-client.ts).
 */
export function withDeadline<R>(
  promise: Promise<R>,
  ms: number,
  timedOut: () => Error,
): Promise<R> {
  return new Promise<R>((resolve, reject) => {
    const timer = setTimeout(() => reject(timedOut()), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (err: unknown) => {
        clearTimeout(timer);
        reject(err as Error);
      },
    );
  });
}
