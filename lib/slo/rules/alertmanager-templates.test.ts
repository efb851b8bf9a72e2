import { describe, expect, it } from 'vitest';
import { alertmanagerTemplates, debugUrlTemplate, sloUrlTemplate } from './alertmanager-templates';

describe('Alertmanager notification templates', () => {
  it('pins the debug view and the SLO page at the alert start, against the public URL', () => {
    expect(debugUrlTemplate('https://meshwatch.example.com/')).toBe(
      'https://meshwatch.example.com/debug?service={{ .Labels.service | urlquery }}&namespace={{ .Labels.namespace | urlquery }}&time={{ .StartsAt.Unix }}',
    );
    expect(sloUrlTemplate('https://meshwatch.example.com')).toBe('https://meshwatch.example.com/slos/{{ .Labels.slo | urlquery }}?time={{ .StartsAt.Unix }}');
  });

  it('stays relative without a public URL, and says so', () => {
    expect(debugUrlTemplate()).toMatch(/^\/debug\?service=/);
    expect(alertmanagerTemplates()).toContain('set MESHWATCH_PUBLIC_URL');
    expect(alertmanagerTemplates('https://m.example.com')).not.toContain('MESHWATCH_PUBLIC_URL');
  });

  it('prints a public URL with {{ literally', () => {
    expect(debugUrlTemplate('https://m.example.com/{{x')).toMatch(/^https:\/\/m\.example\.com\/\{\{ "\{\{" \}\}x\/debug\?/);
  });

  it('defines the four named templates', () => {
    const names = [...alertmanagerTemplates('https://m.example.com').matchAll(/\{\{ define "([^"]+)" \}\}/g)].map((m) => m[1]);
    expect(names).toEqual(['meshwatch.debug_url', 'meshwatch.slo_url', 'meshwatch.title', 'meshwatch.text']);
  });
});
