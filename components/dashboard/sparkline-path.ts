// SVG path of a table-cell sparkline: cheap enough for one per row, unlike a chart instance each. Pure.

/**
 * `values` spread evenly across `width`, scaled to `height` between their min and max (a flat
 * series sits in the middle). Nulls are gaps: the line stops and starts again after them.
 */
export function sparklinePath(values: readonly (number | null)[], width: number, height: number, pad = 1): string {
  const finite = values.filter((v): v is number => v !== null && Number.isFinite(v));
  if (finite.length === 0) return '';
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  const x = (i: number) => (values.length === 1 ? width / 2 : (i / (values.length - 1)) * width);
  const y = (v: number) => (max === min ? height / 2 : pad + (1 - (v - min) / (max - min)) * (height - 2 * pad));
  const round = (n: number) => Math.round(n * 100) / 100;
  let path = '';
  let drawing = false;
  values.forEach((v, i) => {
    if (v === null || !Number.isFinite(v)) {
      drawing = false;
      return;
    }
    path += `${drawing ? 'L' : 'M'}${round(x(i))} ${round(y(v))}`;
    drawing = true;
  });
  return path;
}
