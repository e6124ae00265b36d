#!/usr/bin/env node
// The OpenAPI document's checks, run by the README's test command (scripts/run.mjs):
//   1. src/openapi/response-schemas.generated.ts is what the controllers' return types give;
//   2. the document generated from the sources passes Spectral's `oas` ruleset and Redocly's
//      `recommended` rules with zero errors (warnings are printed, not failed).
// Prints one line per check and ends with "openapi: N passed, M failed".
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const server = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(server, 'node_modules', '.bin', name);
const dir = mkdtempSync(join(tmpdir(), 'jinri-openapi-lint-'));
const doc = join(dir, 'openapi.json');
const counts = { passed: 0, failed: 0 };
const report = (ok, line) => {
  counts[ok ? 'passed' : 'failed'] += 1;
  process.stdout.write(`${ok ? '✔' : '✖'} ${line}\n`);
};
const node = (args) => spawnSync(process.execPath, args, { cwd: server, encoding: 'utf8' });

try {
  const fresh = node(['scripts/openapi-schemas.mjs', '--check']);
  report(fresh.status === 0, (fresh.stdout + fresh.stderr).trim());

  const written = node(['scripts/openapi.mjs', doc]);
  report(written.status === 0, (written.stdout + written.stderr).trim().split('\n').pop());
  if (written.status === 0) {
    const spectralOut = join(dir, 'spectral.json');
    spawnSync(bin('spectral'), ['lint', '-r', '.spectral.yaml', doc, '-f', 'json', '-o', spectralOut, '-q'], {
      cwd: server,
      encoding: 'utf8',
    });
    let spectral = null;
    try {
      spectral = JSON.parse(readFileSync(spectralOut, 'utf8'));
    } catch {
      /* reported below */
    }
    const sErrors = spectral ? spectral.filter((p) => p.severity === 0) : null;
    const sWarnings = spectral ? spectral.filter((p) => p.severity === 1).length : 0;
    for (const p of sErrors ?? [])
      process.stdout.write(`  spectral ${p.code} ${p.path.join('.')}: ${p.message}\n`);
    report(
      sErrors !== null && sErrors.length === 0,
      `Spectral oas: ${sErrors === null ? 'did not run' : `${sErrors.length} errors, ${sWarnings} warnings`}`,
    );

    const redocly = spawnSync(
      bin('redocly'),
      ['lint', doc, '--config', 'redocly.yaml', '--format', 'json', '--max-problems', '100000'],
      { cwd: server, encoding: 'utf8' },
    );
    let result = null;
    try {
      result = JSON.parse(redocly.stdout);
    } catch {
      /* reported below */
    }
    for (const p of (result?.problems ?? []).filter((x) => x.severity === 'error'))
      process.stdout.write(`  redocly ${p.ruleId} ${p.location?.[0]?.pointer}: ${p.message}\n`);
    report(
      result !== null && result.totals.errors === 0,
      `Redocly recommended: ${result === null ? 'did not run' : `${result.totals.errors} errors, ${result.totals.warnings} warnings`}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(`openapi: ${counts.passed} passed, ${counts.failed} failed\n`);
process.exit(counts.failed === 0 ? 0 : 1);
