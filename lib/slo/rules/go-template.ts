// What Prometheus prints for the few Go template actions Meshwatch's rules use, so a generated
// `promtool test rules` case can spell out an alert's annotations (promtool compares them exactly). Pure.

const G_DIGITS = 4;

/** Go templates would read `{{` in a text (a label value, a URL) as an action; print it literally instead. */
export function templateText(text: string): string {
  return text.split('{{').join('{{ "{{" }}');
}

/** Rounds the exact decimal digits of |v| to G_DIGITS, half to even like Go's strconv. */
function roundDigits(v: number): { digits: string; exp: number } {
  // toExponential(100) prints the double's exact decimal expansion (a double needs fewer digits).
  const [mantissa = '', expText = '0'] = Math.abs(v).toExponential(100).split('e');
  const all = mantissa.replace('.', '');
  let digits = all.slice(0, G_DIGITS);
  const rest = all.slice(G_DIGITS);
  const tie = /^50*$/.test(rest);
  const up = rest[0] !== undefined && (rest[0] > '5' || (rest[0] === '5' && (!tie || Number(digits.at(-1)) % 2 === 1)));
  let exp = Number(expText);
  if (up) {
    const bumped = String(Number(digits) + 1);
    if (bumped.length > G_DIGITS) exp += 1;
    digits = bumped.slice(0, G_DIGITS);
  }
  return { digits, exp };
}

/** Go's `fmt.Sprintf("%.4g", v)`: 4 significant digits, no trailing zeros, exponent past 1e4 or below 1e-4. */
export function goG4(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '+Inf' : '-Inf';
  if (v === 0) return '0';
  const { digits, exp } = roundDigits(v);
  const sign = v < 0 ? '-' : '';
  const trim = (s: string) => s.replace(/0+$/, '');
  if (exp < -4 || exp >= G_DIGITS) {
    const frac = trim(digits.slice(1));
    return `${sign}${digits[0]}${frac ? `.${frac}` : ''}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  const padded = exp < 0 ? '0'.repeat(-exp) + digits : digits;
  const point = exp < 0 ? 1 : exp + 1;
  const frac = trim(padded.slice(point));
  return `${sign}${padded.slice(0, point)}${frac ? `.${frac}` : ''}`;
}

/** Prometheus's `humanizePercentage` (template/template.go): the fraction times 100, `%.4g%%`. */
export const humanizePercentage = (v: number) => `${goG4(v * 100)}%`;

export interface TemplateData {
  value: number;
  labels: Readonly<Record<string, string>>;
}

/**
 * Expands `{{ "{{" }}`, `{{ $value | humanizePercentage }}` and `{{ $labels.name }}`; throws on any
 * other action, so that a rule generator change cannot silently produce a wrong expectation.
 */
export function expandTemplate(text: string, data: TemplateData): string {
  return text.replace(/\{\{-?\s*(.*?)\s*-?\}\}/g, (whole, action: string) => {
    if (action === '"{{"') return '{{';
    if (/^\$value\s*\|\s*humanizePercentage$/.test(action)) return humanizePercentage(data.value);
    const label = /^\$labels\.([a-zA-Z_][a-zA-Z0-9_]*)$/.exec(action)?.[1];
    if (label !== undefined) return data.labels[label] ?? '';
    throw new Error(`cannot predict the template action ${whole}`);
  });
}
