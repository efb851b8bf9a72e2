import { Document } from 'yaml';
import { toOpenSlo } from './openslo';
import { slothCaveats, toSloth } from './sloth';
import type { SliSource } from '../sli-source';
import type { SloSpec } from '../spec';

// Export of one SLO as OpenSLO v1 or Sloth prometheus/v1 YAML. Pure.

export const EXPORT_FORMATS = ['openslo', 'sloth'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** `source`: the mesh whose counters the availability and latency queries read. */
export function exportSlo(spec: SloSpec, format: ExportFormat, source: SliSource): string {
  const doc = new Document(format === 'openslo' ? toOpenSlo(spec, source) : toSloth(spec, source), { aliasDuplicateObjects: false });
  const notes = [`Exported by Meshwatch from SLO ${spec.name}.`, ...(format === 'sloth' ? slothCaveats(spec).map((c) => `Note: ${c}.`) : [])];
  doc.commentBefore = notes.map((n) => ` ${n}`).join('\n');
  return doc.toString({ lineWidth: 0 });
}
