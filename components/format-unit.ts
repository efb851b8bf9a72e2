// Formatting of panel values by their unit (lib/dashboards/schema.ts `Unit`). Pure and shared by
// stats, tables, tooltips and axes so one number reads the same everywhere.
import type { Health, Unit } from '@/lib/dashboards/schema';
import { formatUtc } from '@/lib/format';
import { formatMs, formatRps } from './format';

/** The unit as a reader sees it next to a number or on an axis; '' when the number speaks for itself. */
export const UNIT_LABELS: Record<Unit, string> = {
  ratio: '%',
  percent: '%',
  reqps: 'req/s',
  ms: 'ms',
  s: 's',
  bytes: 'bytes',
  cores: 'cores',
  count: '',
  days: 'days',
  timestamp: 'UTC',
  none: '',
};

/** Status words; `good` reads "OK" as the verdict chip's `ok` does (components/ui/health-chip), so one state has one word. */
export const HEALTH_LABELS: Record<Health, string> = { good: 'OK', warn: 'Warning', bad: 'Failing', unknown: 'Unknown' };

const fmt = (max: number, min = 0) => new Intl.NumberFormat('en-US', { maximumFractionDigits: max, minimumFractionDigits: min });
const F0 = fmt(0);
const F1 = fmt(1);
const F2 = fmt(2);
const F2FIXED = fmt(2, 2);
const F3 = fmt(3);
const SIG4 = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 4 });

/**
 * A percentage (0..100) for reading: two decimals, rounded down near the top so 99.996 % never shows
 * as 100.00 % while errors happen, and tiny non-zero shares say "< 0.01" rather than "0.00".
 */
export function formatPercentValue(pct: number): string {
  if (pct === 0) return '0';
  if (pct > 0 && pct < 0.01) return '< 0.01';
  if (pct >= 99 && pct < 100) return (Math.floor(pct * 100 + 1e-6) / 100).toFixed(2);
  return F2FIXED.format(pct);
}

const BYTE_UNITS = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'] as const;

function scaleBytes(bytes: number): { text: string; unit: string } {
  let value = Math.abs(bytes);
  let index = 0;
  while (value >= 1024 && index < BYTE_UNITS.length - 1) {
    value /= 1024;
    index += 1;
  }
  const text = (index === 0 ? F0 : value < 10 ? F2 : value < 100 ? F1 : F0).format(Math.sign(bytes) * value);
  return { text, unit: BYTE_UNITS[index] ?? 'bytes' };
}

/** The number and its unit, apart, so a big stat can style them differently. Null reads as "—". */
export function formatUnitParts(value: number | null, unit: Unit): { text: string; unit: string } {
  const label = UNIT_LABELS[unit];
  if (value === null || !Number.isFinite(value)) return { text: '—', unit: '' };
  switch (unit) {
    case 'ratio':
      return { text: formatPercentValue(value * 100), unit: label };
    case 'percent':
      return { text: formatPercentValue(value), unit: label };
    case 'reqps':
      return { text: formatRps(value), unit: label };
    case 'ms':
      return { text: formatMs(value), unit: label };
    case 'bytes':
      return scaleBytes(value);
    case 'cores':
      return { text: F3.format(value), unit: label };
    case 'days':
      return { text: F1.format(value), unit: label };
    case 'timestamp':
      // The unit (`UTC`) goes beside the text or in the column header, like every other unit.
      return { text: formatUtc(value, { label: false }), unit: label };
    default:
      return { text: Math.abs(value) < 10 ? F2.format(value) : F0.format(value), unit: label };
  }
}

/** `12.3 req/s`, `99.95%`, `1.2 MiB`, `—`. */
export function formatUnit(value: number | null, unit: Unit): string {
  const parts = formatUnitParts(value, unit);
  if (!parts.unit) return parts.text;
  return parts.unit === '%' ? `${parts.text}%` : `${parts.text} ${parts.unit}`;
}

/** Tick labels for a value axis whose name carries the unit (bytes scale per tick instead). */
export function axisTickFormatter(unit: Unit): (value: number) => string {
  if (unit === 'bytes') return (value) => formatUnit(value, 'bytes');
  if (unit === 'ratio') return (value) => SIG4.format(value * 100);
  if (unit === 'timestamp') return (value) => formatUtc(value, { label: false });
  return (value) => (Math.abs(value) >= 1000 ? F0.format(value) : F3.format(value));
}
