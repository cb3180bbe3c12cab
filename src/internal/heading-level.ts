/**
 * `level` when ARIA has such a heading level (a whole number from 1 to 6), otherwise `fallback`: a host's
 * `heading-level="two"` or `"9"` never reaches `aria-level`.
 */
export function ariaHeadingLevel(level: number, fallback: number): number {
  return Number.isInteger(level) && level >= 1 && level <= 6 ? level : fallback;
}
