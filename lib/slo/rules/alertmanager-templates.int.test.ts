// The generated notification templates under the real Alertmanager: a page posted with a known start
// reaches a Slack receiver (its api_url is a tiny HTTP server here) whose text and title link Alertmanager
// rendered from meshwatch.tmpl, loaded by the generated config from beside it; the links are pinned
// at the alert's start, checked against the start the test chose, spelled out by hand.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { checkAlertmanagerConfig, startAlertmanager, type AlertmanagerProcess } from '@/scripts/system/alertmanager';
import { findNeedBinary } from '@/scripts/system/deps';
import { freePort, waitFor } from '@/scripts/system/ports';
import { alertmanagerYaml } from './alertmanager';
import { alertmanagerTemplates, TEMPLATES_FILE } from './alertmanager-templates';

const present = findNeedBinary('alertmanager', 'alertmanager') !== null && findNeedBinary('alertmanager', 'amtool') !== null;
const PUBLIC = 'https://meshwatch.example.com';
const dir = mkdtempSync(path.join(os.tmpdir(), 'meshwatch-am-tmpl-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface SlackMessage {
  attachments: Array<{ title: string; title_link: string; text: string }>;
}
type Route = { receiver: string; routes?: Route[]; group_wait?: string };
type Config = { route: Route; receivers: Array<Record<string, unknown>> };

/** The generated config with the page receiver given Slack, as its note tells users to do. */
function withSlack(apiUrl: string): string {
  const config = parse(alertmanagerYaml()) as Config;
  const page = config.receivers.find((r) => r.name === 'meshwatch-page');
  if (!page) throw new Error('no meshwatch-page receiver');
  page.slack_configs = [
    {
      api_url: apiUrl,
      channel: '#oncall',
      title: '{{ template "meshwatch.title" . }}',
      title_link: '{{ template "meshwatch.debug_url" (index .Alerts 0) }}',
      text: '{{ template "meshwatch.text" . }}',
    },
  ];
  // A page waits 30 s for its group; the test need not.
  const visit = (r: Route) => {
    if (r.receiver === 'meshwatch-page') r.group_wait = '1s';
    r.routes?.forEach(visit);
  };
  visit(config.route);
  return stringify(config);
}

describe.skipIf(!present)('notification templates under a real Alertmanager', () => {
  const received: SlackMessage[] = [];
  let server: Server;
  let am: AlertmanagerProcess;
  const workDir = path.join(dir, 'am');

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        received.push(JSON.parse(body) as SlackMessage);
        res.end('ok');
      });
    });
    const hookPort = await freePort();
    await new Promise<void>((resolve) => server.listen(hookPort, '127.0.0.1', resolve));
    am = await startAlertmanager({
      workDir,
      port: await freePort(),
      configYaml: withSlack(`http://127.0.0.1:${hookPort}/slack`),
      files: { [TEMPLATES_FILE]: alertmanagerTemplates(PUBLIC) },
      portEnvName: 'TEST_ALERTMANAGER_PORT',
    });
  });
  afterAll(async () => {
    await am?.stop();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('amtool accepts the config with the templates beside it', async () => {
    expect(await checkAlertmanagerConfig(path.join(workDir, 'alertmanager.yml'))).toContain('SUCCESS');
  });

  it('renders links to the debug view and the SLO pinned at the alert start', async () => {
    // A start 37 minutes and 13 s ago, a whole second (the API's RFC 3339 carries no fraction then).
    const start = Math.floor(Date.now() / 1000) - 37 * 60 - 13;
    const labels = { alertname: 'SLOErrorBudgetBurn', slo: 'checkout-availability', service: 'checkout', namespace: 'shop', team: 'payments', severity: 'page', long_window: '1h' };
    const annotations = { summary: 'SLO checkout-availability (shop/checkout) burns its error budget faster than 14.4x' };
    const response = await fetch(`${am.url}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([{ labels, annotations, startsAt: new Date(start * 1000).toISOString() }]),
    });
    expect(response.status).toBe(200);
    await waitFor(async () => received.length > 0, 30_000, 'the Slack notification');

    const attachment = received[0]?.attachments[0];
    const debug = `${PUBLIC}/debug?service=checkout&namespace=shop&time=${start}`;
    const slo = `${PUBLIC}/slos/checkout-availability?time=${start}`;
    expect(attachment?.title_link).toBe(debug);
    expect(attachment?.title).toBe('[FIRING] page: SLO checkout-availability');
    const lines = (attachment?.text ?? '').split('\n');
    expect(lines).toContain(annotations.summary);
    expect(lines).toContain(`Since ${new Date(start * 1000).toISOString().replace('T', ' ').replace('.000Z', ' UTC')}.`);
    expect(lines).toContain(`Debug view at the start: ${debug}`);
    expect(lines).toContain(`SLO budget and burn: ${slo}`);
  });
});
