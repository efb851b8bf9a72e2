import type { MaintenanceWindow } from './schema';

// The Alertmanager API v2 silence of a maintenance window (POST /api/v2/silences,
// https://github.com/prometheus/alertmanager/blob/main/api/v2/openapi.yaml `postableSilence`). Pure.
// The matchers use the labels every alert Meshwatch generates carries (the SLO burn-rate alerts and
// MeshwatchRollout: `namespace`, `service`), so the silence mutes exactly the window's scope.

export interface SilenceMatcher {
  name: string;
  value: string;
  isRegex: boolean;
  isEqual: boolean;
}

export interface PostableSilence {
  id?: string;
  matchers: SilenceMatcher[];
  startsAt: string;
  endsAt: string;
  createdBy: string;
  comment: string;
}

const equal = (name: string, value: string): SilenceMatcher => ({ name, value, isRegex: false, isEqual: true });
const iso = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString();

/** The silence of window `w`: its scope's labels, its start and end, who created it and why. */
export function silenceFor(w: Pick<MaintenanceWindow, 'scope' | 'start' | 'end' | 'reason' | 'createdBy'>): PostableSilence {
  const matchers = [equal('namespace', w.scope.namespace)];
  if (w.scope.service !== undefined) matchers.push(equal('service', w.scope.service));
  return {
    matchers,
    startsAt: iso(w.start),
    endsAt: iso(w.end),
    createdBy: w.createdBy,
    // What an on-call engineer reads in Alertmanager's UI beside who made it.
    comment: w.reason,
  };
}
