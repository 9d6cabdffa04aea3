/**
 * `promise`, or a rejection with `timedOut()`'s error once `ms` have passed without its
 * answer (the promise itself runs on; its result is then ignored).
 */
export function withTimeout<T>(promise: Promise<T>, ms: number, timedOut: () => Error = () => new Error(`no answer within ${ms} ms`)): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(timedOut()), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
