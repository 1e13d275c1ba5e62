/** The pack's switchable sections, in print order. A new section is one more entry here. */
import type { ReportSectionId } from '../../../../shared/report';
import type { PackSection } from '../pack';
import { continuitySection } from './continuity';
import { headcountSection } from './headcount';
import { risksSection } from './risks';
import { sourcesSection } from './sources';
import { summarySection } from './summary';
import { trendSection } from './trend';
import { varianceSection } from './variance';

export const packSections: PackSection<unknown>[] = [
  summarySection,
  varianceSection,
  trendSection,
  headcountSection,
  continuitySection,
  risksSection,
  sourcesSection,
];

export function sectionsFor(ids: readonly ReportSectionId[]): PackSection<unknown>[] {
  return packSections.filter((s) => ids.includes(s.id));
}
