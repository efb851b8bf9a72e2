// Fixed loopback ports for the browser tests (Playwright loads its config in every worker, so they
// cannot be random); override with E2E_PORT_BASE when they clash with something on the machine.
const base = Number(process.env.E2E_PORT_BASE ?? 3310);

export const E2E_PORTS = { app: base, control: base + 1, prometheus: base + 2 } as const;
