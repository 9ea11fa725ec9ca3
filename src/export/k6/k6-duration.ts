/**
 * A duration in ms as k6 writes it: whole seconds as `30s`, anything else as `1500ms`
 * (rounded to the ms). k6 and launchday parse both the same way.
 */
export function k6Duration(ms: number): string {
  const whole = Math.round(ms);
  return whole % 1000 === 0 ? `${whole / 1000}s` : `${whole}ms`;
}
