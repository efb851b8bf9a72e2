import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { SloDetailPage } from './pages/slo-detail-page';
import { createViaApi, EDITOR, OUTAGE_TIME } from './pages/slo-fixtures';

// The Alertmanager section under an SLO's generated rules, and the rule-tests download beside them.
const NAME = 'alerting-availability';

test.describe('Alertmanager routing and rule tests', () => {
  test.afterEach(async ({ request }) => {
    // slos.spec.ts starts from an empty list: leave none behind.
    await request.delete(`/api/slos/${NAME}`, { headers: EDITOR });
  });

  test('shows, switches and offers the Alertmanager config, in light and dark', async ({ page, request }, testInfo) => {
    await createViaApi(request, NAME);
    const detail = new SloDetailPage(page);
    await detail.goto(NAME, OUTAGE_TIME);
    const routing = detail.rules.getByRole('region', { name: 'Alertmanager routing' });
    const yaml = routing.getByLabel('Alertmanager YAML');
    await expect(yaml).toContainText('receiver: meshwatch-default');
    await expect(yaml).toContainText('equal:');

    await routing.getByLabel('Alertmanager config').selectOption({ label: 'Fragment to merge' });
    await expect(yaml).not.toContainText('meshwatch-default');
    await expect(yaml).toContainText('inhibit_rules:');
    await routing.getByLabel('Per-team receivers').check();
    await expect(yaml).toContainText('meshwatch-page-payments');
    await expect(routing.getByRole('button', { name: 'Copy Alertmanager config' })).toBeEnabled();
    const download = routing.getByRole('link', { name: 'Download Alertmanager config' });
    await expect(download).toHaveAttribute('href', '/api/alertmanager?format=fragment&teams=true');
    await routing.screenshot({ path: testInfo.outputPath('alertmanager-light.png') });

    // Both themes: the code block follows the theme's --bg.
    const background = () => yaml.evaluate((el) => getComputedStyle(el).backgroundColor);
    const light = await background();
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.reload();
    await routing.getByLabel('Alertmanager config').waitFor();
    await expect.poll(background).not.toBe(light);
    await routing.screenshot({ path: testInfo.outputPath('alertmanager-dark.png') });

    const tests = detail.rules.getByRole('link', { name: 'Download rule tests' });
    const href = await tests.getAttribute('href');
    expect(href).toBe(`/api/slos/${NAME}/rules/tests`);
    const res = await request.get(href ?? '');
    expect(res.status()).toBe(200);
    expect(parse(await res.text())).toMatchObject({ rule_files: [`slo-${NAME}.rules.yaml`] });
  });
});
