/**
 * How a duration in hours is named, once for the whole app: under two days in hours, then whole
 * weeks as weeks, else days. The screens write it short ("24 h", "3 d", "2 wk"), messages and
 * printed plans in words ("24 hours", "3 days", "2 weeks") — always in the same unit, so a gap
 * message never says "1 day" beside a field that says "24 h".
 */
export type DurationUnit = 'h' | 'd' | 'wk';

const hoursPer: Record<DurationUnit, number> = { h: 1, d: 24, wk: 168 };

/** The unit a duration is shown in, and its value in that unit (rounded to one decimal). */
export function durationParts(hours: number): { value: number; unit: DurationUnit } {
  const unit: DurationUnit = hours < 48 ? 'h' : hours % hoursPer.wk === 0 ? 'wk' : 'd';
  return { value: Math.round((hours / hoursPer[unit]) * 10) / 10, unit };
}

const words: Record<DurationUnit, [string, string]> = { h: ['hour', 'hours'], d: ['day', 'days'], wk: ['week', 'weeks'] };

/** 4 → "4 hours", 1 → "1 hour", 24 → "24 hours", 72 → "3 days", 336 → "2 weeks". */
export function durationWords(hours: number): string {
  const { value, unit } = durationParts(hours);
  return `${value} ${words[unit][value === 1 ? 0 : 1]}`;
}
