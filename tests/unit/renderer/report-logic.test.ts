// The Reports view's plain decisions: which plans fit a period, what a render asks for, when the
// commentary counts as unsaved, which answer wins, and how the export reports its progress.
import { describe, expect, it } from 'vitest';
import {
  commentaryDirty,
  defaultPlanFor,
  exportStatus,
  fiscalYearOfReportPeriod,
  LatestOnly,
  normaliseCommentary,
  pageBox,
  planForPeriod,
  plansForPeriod,
  renderOptions,
  renderScale,
  toggleSection,
  type ReportPlan,
} from '../../../renderer/src/features/report/report-logic';

const plans: ReportPlan[] = [
  { id: 'b27', name: 'FY2027 · Base', fiscalYear: 2027, status: 'draft' },
  { id: 'g27', name: 'FY2027 · Growth', fiscalYear: 2027, status: 'draft' },
  { id: 'b26', name: 'FY2026 · Base', fiscalYear: 2026, status: 'approved' },
  { id: 'l26', name: 'FY2026 · Old', fiscalYear: 2026, status: 'locked' },
  { id: 'b25', name: 'FY2025 · Base', fiscalYear: 2025, status: 'locked' },
];

describe('report periods and plans', () => {
  it('finds the fiscal year of a month, a quarter and a year', () => {
    expect(fiscalYearOfReportPeriod('2026-09', 1)).toBe(2026);
    // Fiscal years are named for the year they end in: with an April start, Sep 2026 is FY2027.
    expect(fiscalYearOfReportPeriod('2026-09', 4)).toBe(2027);
    expect(fiscalYearOfReportPeriod('2026-03', 4)).toBe(2026);
    expect(fiscalYearOfReportPeriod('2026-Q3', 4)).toBe(2026);
    expect(fiscalYearOfReportPeriod('FY2027', 4)).toBe(2027);
    expect(fiscalYearOfReportPeriod('2026-13', 1)).toBeNull();
    expect(fiscalYearOfReportPeriod('Q3', 1)).toBeNull();
  });

  it('offers the plans of the period’s year, all of them when the year is unknown', () => {
    expect(plansForPeriod(plans, 2026).map((p) => p.id)).toEqual(['b26', 'l26']);
    expect(plansForPeriod(plans, 2030)).toEqual([]);
    expect(plansForPeriod(plans, null)).toHaveLength(plans.length);
  });

  it('defaults like the workspace: approved, else locked, else the only one; no guess between equals', () => {
    expect(defaultPlanFor(plansForPeriod(plans, 2026))).toBe('b26');
    expect(defaultPlanFor(plansForPeriod(plans, 2025))).toBe('b25');
    expect(defaultPlanFor(plansForPeriod(plans, 2027))).toBeNull();
    expect(defaultPlanFor([])).toBeNull();
  });

  it('keeps the chosen plan while it fits the period, else picks the year’s', () => {
    expect(planForPeriod(plans, 2026, 'l26')).toBe('l26');
    expect(planForPeriod(plans, 2026, 'b27')).toBe('b26');
    expect(planForPeriod(plans, 2026, null)).toBe('b26');
    // Two drafts and no default: the first, which the user can change.
    expect(planForPeriod(plans, 2027, 'b26')).toBe('b27');
    expect(planForPeriod(plans, 2027, 'g27')).toBe('g27');
    expect(planForPeriod(plans, 2031, 'b26')).toBeNull();
  });
});

describe('render options', () => {
  const offered = ['summary', 'variance', 'trend', 'headcount', 'sources'] as const;

  it('asks for the ticked sections in print order, whatever order they were ticked in', () => {
    let sections = toggleSection([...offered], 'variance', false);
    sections = toggleSection(sections, 'summary', false);
    sections = toggleSection(sections, 'variance', true);
    expect(sections).toEqual(['trend', 'headcount', 'sources', 'variance']);
    expect(renderOptions({ period: '2026-Q3', planId: 'b26', sections, paper: 'letter' }, offered)).toEqual({
      period: '2026-Q3',
      planId: 'b26',
      sections: ['variance', 'trend', 'headcount', 'sources'],
      paper: 'letter',
    });
  });

  it('leaves the plan to the workspace when none is chosen, and never ticks a section twice', () => {
    expect(renderOptions({ period: '2026-10', planId: null, sections: [], paper: 'a4' }, offered)).toEqual({ period: '2026-10', sections: [], paper: 'a4' });
    expect(toggleSection(['trend'], 'trend', true)).toEqual(['trend']);
  });
});

describe('commentary', () => {
  it('compares as the workspace stores it: \\n line ends, no trailing space', () => {
    expect(normaliseCommentary('One.\r\nTwo.\rThree.  \n\n')).toBe('One.\nTwo.\nThree.');
    expect(commentaryDirty('Same text\n', 'Same text')).toBe(false);
    expect(commentaryDirty('Same text\r\n', 'Same text')).toBe(false);
    expect(commentaryDirty('  Leading space counts', 'Leading space counts')).toBe(true);
    expect(commentaryDirty('New', 'Old')).toBe(true);
    expect(commentaryDirty('', 'Old')).toBe(true);
  });

  it('is not dirty without a draft or before the saved text is known', () => {
    expect(commentaryDirty(undefined, 'Saved')).toBe(false);
    expect(commentaryDirty('Draft', null)).toBe(false);
    expect(commentaryDirty('Draft', undefined)).toBe(false);
  });
});

describe('LatestOnly', () => {
  it('lets only the newest request’s answer through, in whatever order answers arrive', async () => {
    const latest = new LatestOnly();
    const shown: string[] = [];
    const request = (name: string, ms: number) => {
      const ticket = latest.next();
      return new Promise<void>((resolve) =>
        setTimeout(() => {
          if (latest.isCurrent(ticket)) shown.push(name);
          resolve();
        }, ms),
      );
    };
    // A slow render for A4, then a quick one for Letter: the A4 answer arrives last and is dropped.
    await Promise.all([request('a4', 30), request('letter', 5)]);
    expect(shown).toEqual(['letter']);
  });

  it('cancel makes every earlier ticket stale', () => {
    const latest = new LatestOnly();
    const ticket = latest.next();
    expect(latest.isCurrent(ticket)).toBe(true);
    latest.cancel();
    expect(latest.isCurrent(ticket)).toBe(false);
    expect(latest.isCurrent(latest.next())).toBe(true);
  });
});

describe('export progress', () => {
  it('says what is happening, with the page count once it is known', () => {
    expect(exportStatus({ step: 'idle' })).toBe('');
    expect(exportStatus({ step: 'rendering' })).toBe('Rendering the pack…');
    expect(exportStatus({ step: 'saving', pages: 9, fileName: 'pack.pdf' })).toBe('Saving 9 pages…');
    expect(exportStatus({ step: 'saved', pages: 1, fileName: 'pack.pdf', path: null })).toBe('Saved pack.pdf · 1 page');
    expect(exportStatus({ step: 'saved', pages: 12, fileName: 'pack.pdf', path: '/home/d/pack.pdf' })).toBe('Saved /home/d/pack.pdf · 12 pages');
    expect(exportStatus({ step: 'cancelled', pages: 12, fileName: 'pack.pdf' })).toBe('Not saved.');
    expect(exportStatus({ step: 'failed', message: 'No plan.' })).toBe('No plan.');
  });
});

describe('preview page sizes', () => {
  it('keeps each page’s proportions at the column’s width', () => {
    expect(pageBox({ width: 595.28, height: 841.89 }, 600)).toEqual({ width: 600, height: 849 });
    expect(pageBox({ width: 841.89, height: 595.28 }, 600)).toEqual({ width: 600, height: 424 });
    expect(pageBox({ width: 612, height: 792 }, 0)).toEqual({ width: 1, height: 1 });
  });

  it('draws at device pixels, capped', () => {
    expect(renderScale(600, 600, 2)).toBe(2);
    expect(renderScale(600, 600, 0.5)).toBe(1);
    expect(renderScale(600, 2000, 2)).toBe(4);
    expect(renderScale(600, 2000, 2, 2400)).toBe(2400 / 600);
  });
});
