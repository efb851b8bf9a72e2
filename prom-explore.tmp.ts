import { startFixturePrometheus } from './scripts/testing/fixture-tsdb';
void (async () => {
  const p = await startFixturePrometheus(19391);
  console.log('READY', p.url);
  process.on('SIGTERM', () => void p.stop().then(() => process.exit(0)));
  setInterval(() => {}, 1 << 30);
})();
