import type { EditorHintsBody } from '@/lib/queries/schemas';
import type { SloSpec, SloSpecInput } from '@/lib/slo/spec';
import { policyFromRows, rowsFromPolicy, type PolicyRow } from './policy-model';

// The SLO form's state as strings (what inputs hold) and its mapping to and from the spec. Pure.

export const WINDOW_CHOICES = ['7d', '28d', '30d'] as const;
export type IndicatorType = 'availability' | 'latency' | 'custom';

export interface SloForm {
  name: string;
  /** `namespace/service`, the value of the service picker. */
  target: string;
  team: string;
  description: string;
  indicatorType: IndicatorType;
  thresholdMs: string;
  errorQuery: string;
  totalQuery: string;
  objective: string;
  /** One of WINDOW_CHOICES or `custom`. */
  window: string;
  customWindow: string;
  /** null: the default policy. */
  policy: PolicyRow[] | null;
  /** Leave the requests inside maintenance windows out of the budget. */
  excludeMaintenance: boolean;
  /** Also evaluate per region (MESHWATCH_REGIONS); kept as stored while regions are not configured. */
  perRegion: boolean;
}

export const EMPTY_FORM: SloForm = {
  name: '',
  target: '',
  team: '',
  description: '',
  indicatorType: 'availability',
  thresholdMs: '',
  errorQuery: '',
  totalQuery: '',
  objective: '99.9',
  window: '30d',
  customWindow: '',
  policy: null,
  excludeMaintenance: false,
  perRegion: false,
};

/**
 * Starting queries for a custom ratio, in the server's mesh (its template, from /api/mesh), scoped to
 * the picked service. Without a pick the placeholders stay for the user to fill in.
 */
export function customTemplate(target: string, template: EditorHintsBody['customTemplate']): { errorQuery: string; totalQuery: string } {
  const { namespace, service } = splitTarget(target);
  const fill = (q: string) => (service ? q.replaceAll('{{namespace}}', namespace).replaceAll('{{service}}', service) : q);
  return { errorQuery: fill(template.errorQuery), totalQuery: fill(template.totalQuery) };
}

export function splitTarget(target: string): { namespace: string; service: string } {
  const at = target.indexOf('/');
  return at < 0 ? { namespace: '', service: target } : { namespace: target.slice(0, at), service: target.slice(at + 1) };
}

const toNumber = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text));

/** The team an SLO of `namespace` starts with: MESHWATCH_TEAMS' team for it, else the namespace itself. */
export function defaultTeam(namespace: string, teams: Readonly<Record<string, string>>): string {
  return Object.hasOwn(teams, namespace) ? (teams[namespace] ?? namespace) : namespace;
}

/**
 * The team after the service picker moves to `target`: follows the namespace's default while the
 * user has not typed a team of their own (empty, or the previous service's default).
 */
export function teamAfterTarget(form: Pick<SloForm, 'team' | 'target'>, target: string, teams: Readonly<Record<string, string>>): string {
  const before = splitTarget(form.target).namespace;
  const untouched = form.team.trim() === '' || (form.target !== '' && form.team === defaultTeam(before, teams));
  const { namespace } = splitTarget(target);
  return untouched && namespace ? defaultTeam(namespace, teams) : form.team;
}

/**
 * The spec to send; the server validates it and answers 422 with field errors. When editing, `base`
 * is the stored spec: fields the form has no input for are sent back as they were, never dropped.
 */
export function specFromForm(form: SloForm, base?: SloSpecInput): SloSpecInput {
  const { namespace, service } = splitTarget(form.target);
  const indicator =
    form.indicatorType === 'latency'
      ? { type: 'latency' as const, thresholdMs: toNumber(form.thresholdMs) as number }
      : form.indicatorType === 'custom'
        ? { type: 'custom' as const, errorQuery: form.errorQuery, totalQuery: form.totalQuery }
        : { type: 'availability' as const };
  // The form owns description, policy, excludeMaintenance and perRegion outright: clearing them there removes them.
  const kept: Partial<SloSpecInput> = { ...base };
  delete kept.description;
  delete kept.policy;
  delete kept.excludeMaintenance;
  delete kept.perRegion;
  return {
    ...kept,
    name: form.name.trim(),
    service,
    namespace,
    team: form.team,
    ...(form.description.trim() ? { description: form.description.trim() } : {}),
    indicator,
    objective: toNumber(form.objective) as number,
    window: form.window === 'custom' ? form.customWindow.trim() : form.window,
    ...(form.policy ? { policy: policyFromRows(form.policy) } : {}),
    ...(form.excludeMaintenance ? { excludeMaintenance: true } : {}),
    // A custom query names no cluster, so the checkbox is hidden for it and the choice not sent.
    ...(form.perRegion && form.indicatorType !== 'custom' ? { perRegion: true } : {}),
  };
}

export function formFromSpec(spec: SloSpec): SloForm {
  const known = (WINDOW_CHOICES as readonly string[]).includes(spec.window);
  return {
    ...EMPTY_FORM,
    name: spec.name,
    target: `${spec.namespace}/${spec.service}`,
    team: spec.team,
    description: spec.description ?? '',
    indicatorType: spec.indicator.type,
    thresholdMs: spec.indicator.type === 'latency' ? String(spec.indicator.thresholdMs) : '',
    ...(spec.indicator.type === 'custom' ? { errorQuery: spec.indicator.errorQuery, totalQuery: spec.indicator.totalQuery } : {}),
    objective: String(spec.objective),
    window: known ? spec.window : 'custom',
    customWindow: known ? '' : spec.window,
    policy: rowsFromPolicy(spec.policy),
    excludeMaintenance: spec.excludeMaintenance ?? false,
    perRegion: spec.perRegion === true,
  };
}

/** The field whose input shows a server error path (`namespace` belongs to the service picker). */
export function fieldOfPath(path: string): string {
  if (path === 'service' || path === 'namespace') return 'target';
  if (path.startsWith('indicator.')) return path.slice('indicator.'.length);
  if (path === 'indicator') return 'indicatorType';
  // The policy editor looks its errors up by full path.
  if (path.startsWith('policy')) return path;
  return path.split('.')[0] ?? path;
}

/** Server field errors regrouped by form field. */
export function errorsByField(fieldErrors: Record<string, string[]>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [path, messages] of Object.entries(fieldErrors)) (out[fieldOfPath(path)] ??= []).push(...messages);
  return out;
}

/** The spec for the preview, without a name: the form may not have a valid one yet. */
export function previewSpecFromForm(form: SloForm): Omit<SloSpecInput, 'name'> {
  const spec: Partial<SloSpecInput> = specFromForm(form);
  delete spec.name;
  return spec as Omit<SloSpecInput, 'name'>;
}
