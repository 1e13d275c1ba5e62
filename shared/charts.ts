/**
 * Chart geometry from plain data: scales, "nice" axis ticks and the short money labels charts use
 * (k and M only in charts; tables print full figures). Pure functions, so the PDF's SVG charts and
 * any chart on screen draw from the same numbers.
 */

/** Maps a value in [d0, d1] onto [r0, r1]. */
export function linearScale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

/**
 * Round tick values covering [min, max] (steps of 1, 2, 2.5 or 5 × 10^n), starting at or below
 * min and ending at or above max, as tight as a round step allows: of the steps that give about
 * `count` to 2 × `count` intervals, the one whose ends overshoot the data least (0–3.5M for a
 * 3.1M maximum, not 0–4M). Zero is always a tick when the range spans it.
 */
export function niceTicks(min: number, max: number, count = 5): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) return [0];
  if (min === max) {
    if (min === 0) return [0, 1];
    [min, max] = min > 0 ? [0, min] : [min, 0];
  }
  const raw = (max - min) / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  let best: { step: number; first: number; intervals: number; span: number } | null = null;
  for (const p of [power / 10, power, power * 10]) {
    for (const m of [1, 2, 2.5, 5]) {
      const step = m * p;
      const first = Math.floor(min / step) * step;
      const intervals = Math.ceil(max / step) - Math.floor(min / step);
      if (intervals < Math.max(1, count - 1) || intervals > 2 * count) continue;
      const span = intervals * step;
      if (!best || span < best.span * (1 - 1e-9) || (Math.abs(span - best.span) <= best.span * 1e-9 && intervals < best.intervals)) {
        best = { step, first, intervals, span };
      }
    }
  }
  if (!best) {
    const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
    const first = Math.floor(min / step) * step;
    best = { step, first, intervals: Math.ceil(max / step) - Math.floor(min / step), span: 0 };
  }
  const { step, first, intervals } = best;
  return Array.from({ length: intervals + 1 }, (_, i) => Math.round((first + i * step) / step) * step);
}

/** Minor units → "1.2M", "350k", "900", "(40k)": for chart axes and labels only. */
export function abbreviateMoney(minor: number): string {
  const major = minor / 100;
  const abs = Math.abs(major);
  let body: string;
  if (abs >= 1e9) body = `${trim(abs / 1e9)}bn`;
  else if (abs >= 1e6) body = `${trim(abs / 1e6)}M`;
  else if (abs >= 1e3) body = `${trim(abs / 1e3)}k`;
  else body = String(Math.round(abs));
  return major < 0 && body !== '0' ? `(${body})` : body;
}

function trim(v: number): string {
  const fixed = v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(1);
  return fixed.replace(/\.0$/, '');
}

/** Points of a polyline as an SVG path ("M x y L x y …"), skipping null values (a break in the line). */
export function linePath(points: ({ x: number; y: number } | null)[]): string {
  let d = '';
  let pen = false;
  for (const p of points) {
    if (!p) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${p.x.toFixed(2)} ${p.y.toFixed(2)} `;
    pen = true;
  }
  return d.trim();
}
