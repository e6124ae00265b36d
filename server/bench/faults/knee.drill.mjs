// Drill 4: mixed resident load (today's page, search, an official's profile, a comment) at rising
// rates until p99 passes 200 ms: the knee, with one instance and with two.
import { comment, fmt, getJson, log, paced, percentile, postComment, request, statusCounts } from './lib.mjs';

const STEPS = [25, 50, 100, 200, 300, 400, 600, 800];
const STEP_SECONDS = 6;
const LIMIT_MS = 200;
const QUERIES = ['低保', 'dibao', '盖房子', '户口', '医保', '王'];

export async function kneeDrill(ctx, { apps, tokens, officials }) {
  const api = `${apps[0].url}/api/v1`;
  const units = await getJson(`${api}/units`);
  const list = Array.isArray(units) ? units : (units.children ?? units.items ?? []);
  const unitIds = list.map((u) => u.id).filter(Boolean);
  if (unitIds.length === 0) throw new Error(`no units in GET /units: ${JSON.stringify(units).slice(0, 200)}`);
  let phase = 0;
  // Each step its own comment texts: the same resident repeating a text within 10 minutes is a
  // 409 TICKET.DUPLICATE, which would read as an error of the load.
  const mixed = (targets) => {
    phase += 1;
    const tag = `混合负载${phase}轮`;
    return (n) => send(targets, tag, n);
  };
  const send = (targets, tag, n) => {
    const base = targets[n % targets.length].url;
    const unitId = unitIds[n % unitIds.length];
    const kind = n % 10;
    // 4 in 10 today's page, 3 search, 2 profile, 1 comment.
    if (kind < 4)
      return request(`${base}/api/v1/today?unitId=${unitId}`, { headers: { 'accept-encoding': 'gzip' } });
    if (kind < 7)
      return request(
        `${base}/api/v1/search?q=${encodeURIComponent(QUERIES[n % QUERIES.length])}&unitId=${unitId}`,
      );
    if (kind < 9) return request(`${base}/api/v1/officials/${officials[n % officials.length]}`);
    return postComment(base, comment(n, { tokens, officials, tag }));
  };
  const figures = {};
  const failures = [];
  for (const [label, targets] of [
    ['1 instance', apps.slice(0, 1)],
    ['2 instances', apps.slice(0, 2)],
  ]) {
    // Warm-up, not counted: the first search builds the county's index, the first today page its cache.
    await paced({ rate: 10, seconds: 3, send: mixed(targets) });
    let knee = null;
    let lastGood = null;
    const steps = [];
    for (const rate of STEPS) {
      const { results } = await paced({ rate, seconds: STEP_SECONDS, send: mixed(targets) });
      const ms = results.map((r) => r.ms).sort((a, b) => a - b);
      const errors = results.filter((r) => !(r.status >= 200 && r.status < 400));
      const bad = errors.length;
      const p99 = percentile(ms, 99);
      const achieved = results.filter((r) => r.t1 <= STEP_SECONDS + 1).length / STEP_SECONDS;
      steps.push(
        `${rate}/s→p99 ${fmt(p99)} ms${bad ? ` (errors ${JSON.stringify(statusCounts(errors))})` : ''}`,
      );
      log(
        `  ${label}: ${rate}/s offered, ${fmt(achieved)}/s answered in time, p50 ${fmt(percentile(ms, 50))} ms, p99 ${fmt(p99)} ms, ${bad} errors`,
      );
      if (p99 > LIMIT_MS || bad > results.length * 0.01) {
        knee = rate;
        break;
      }
      lastGood = rate;
    }
    figures[`${label}: steps`] = steps.join(', ');
    figures[`${label}: knee (highest rate with p99 ≤ ${LIMIT_MS} ms)`] =
      lastGood === null ? `below ${STEPS[0]}/s` : `${lastGood}/s${knee === null ? ' (not reached)' : ''}`;
    if (lastGood === null) failures.push(`${label}: p99 above ${LIMIT_MS} ms even at ${STEPS[0]}/s`);
  }
  return { figures, failures };
}
