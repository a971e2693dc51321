/**
 * `read`, where a call made while another with the same key is under way gets
 * that call's answer instead of reading again. Nothing is kept once it is
 * answered: a later call always reads afresh.
 */
export function sharedWhileRunning<Args extends unknown[], T>(
  keyOf: (...args: Args) => string,
  read: (...args: Args) => Promise<T>,
): (...args: Args) => Promise<T> {
  const running = new Map<string, Promise<T>>();
  return (...args) => {
    const key = keyOf(...args);
    let answer = running.get(key);
    if (!answer) {
      answer = read(...args).finally(() => running.delete(key));
      running.set(key, answer);
    }
    return answer;
  };
}
