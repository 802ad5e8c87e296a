/**
 * `npm run audit`: npm's advisory check of the runtime dependencies (`npm audit --omit=dev`), tolerant of a
 * registry that has no advisory service (as on the project's machines, whose registry mirror answers 405) or no
 * network: then it says that nothing was checked and exits 0. With advisories it lists them and exits 1 when one
 * is high or critical. Not part of `npm test`, which must not depend on the network.
 */
import { spawnSync } from 'node:child_process';

interface AuditReport {
  vulnerabilities?: Record<
    string,
    { name: string; severity: string; range?: string; via?: unknown[]; fixAvailable?: unknown }
  >;
  metadata?: { vulnerabilities?: Record<string, number> };
  message?: string;
  error?: { summary?: string; detail?: string };
}

const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { encoding: 'utf8', timeout: 120_000 });
let report: AuditReport | undefined;
try {
  report = JSON.parse(run.stdout) as AuditReport;
} catch {
  report = undefined;
}

if (!report?.metadata) {
  const why =
    report?.message ??
    report?.error?.summary ??
    (run.error ? run.error.message : run.stderr.trim().split('\n').pop()) ??
    'no answer';
  console.log(`npm audit: the advisory service could not be used (${why}); nothing was checked.`);
  process.exit(0);
}

const counts = report.metadata.vulnerabilities ?? {};
console.log(
  `npm audit (runtime dependencies): ${Object.entries(counts)
    .map(([severity, n]) => `${severity} ${n}`)
    .join(', ')}`,
);
const serious = Object.values(report.vulnerabilities ?? {}).filter((v) =>
  ['high', 'critical'].includes(v.severity),
);
for (const v of Object.values(report.vulnerabilities ?? {}))
  console.log(
    `  ${v.severity.padEnd(8)} ${v.name} ${v.range ?? ''}${v.fixAvailable ? ' (fix available)' : ''}`,
  );
process.exit(serious.length > 0 ? 1 : 0);
