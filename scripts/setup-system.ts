// `npm run setup:system`: installs Prometheus, Alertmanager and Chromium (Debian, as root) or explains what to install.
import { ensureSystemPackages } from './system/deps';

try {
  ensureSystemPackages(['prometheus', 'alertmanager', 'chromium']);
  console.log('System packages present: prometheus, promtool, alertmanager, amtool, chromium.');
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
