// `npm run setup:system`: installs Prometheus and Chromium (Debian, as root) or explains what to install.
import { ensureSystemPackages } from './system/deps';

try {
  ensureSystemPackages(['prometheus', 'chromium']);
  console.log('System packages present: prometheus, promtool, chromium.');
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}
