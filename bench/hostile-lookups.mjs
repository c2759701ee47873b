// `npm run stress:lookups`: the CPU a step spends on hostile GitHub answers to the previous-deploy lookups
// (issue 17's sizes): 100 tags of 20,000 characters on every matching-refs prefix, and a deployment whose
// ref is 160,000 characters. Before the names were capped, the version regex on such names took tens of
// seconds; now each name over the cap is skipped unread. Runs the bundled dist/main.cjs under Node 24 in
// dry-run (nothing is delivered), HOSTILE_RUNS times, against a loopback GitHub; figures in BENCHMARKS.md.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundle, median, node24, runStep } from './step-runner.mjs';

const RUNS = Number(process.env.HOSTILE_RUNS ?? 5);
const sha = (n) => n.toString(16).padStart(8, '0').repeat(5);

const SCENARIOS = {
  'none (the same lookups, ordinary answers)': { tagName: (i) => `v1.${i}.0`, ref: 'main' },
  '100 tags of 20,000 characters, a 160,000-character deployment ref': { tagName: (i) => `v${'1.'.repeat(10_000)}${i}`, ref: `v${'9.'.repeat(80_000)}1` },
};

async function hostileGitHub({ tagName, ref }) {
  const tags = Array.from({ length: 100 }, (_, i) => ({ ref: `refs/tags/${tagName(i)}`, object: { sha: sha(1), type: 'commit' } }));
  const answer = (method, url) => {
    if (method === 'POST' && url.pathname === '/graphql') {
      const node = { databaseId: 5, commitOid: sha(5), createdAt: '2025-01-08T09:00:00Z', latestEnvironment: 'production', ref: { name: ref }, latestStatus: { state: 'SUCCESS', createdAt: '2025-01-08T10:00:00Z', logUrl: `https://github.com/acme/api/actions/runs/5/job/1` } };
      return { data: { repository: { deployments: { nodes: [node] } } } };
    }
    if (url.pathname.includes('/git/matching-refs/')) return tags;
    if (url.pathname.endsWith('/releases')) return [];
    if (url.pathname.endsWith('/runs')) return { total_count: 1, workflow_runs: [{ id: 5, created_at: '2025-01-08T09:00:00Z' }] };
    if (url.pathname.includes('/compare/')) return { status: 'ahead', total_commits: 1, commits: [{ sha: sha(9), commit: { message: 'One change', author: { name: 'Dev', date: '2025-01-09T10:00:00Z' } } }], base_commit: { sha: sha(5) } };
    return undefined;
  };
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      const found = answer(request.method, new URL(request.url ?? '/', 'http://loopback'));
      const text = JSON.stringify(found ?? { message: 'Not Found' });
      response.writeHead(found ? 200 : 404, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
      response.end(text);
    });
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((resolve) => (server.closeAllConnections(), server.close(resolve))) };
}

const work = mkdtempSync(join(tmpdir(), 'event-action-hostile-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const preload = join(work, 'usage.cjs');
writeFileSync(preload, `process.on('exit', () => require('node:fs').writeFileSync(process.env.HOSTILE_USAGE_FILE, JSON.stringify(process.resourceUsage())));\n`);
const node = node24();
console.log(`hostile lookups: ${bundle('HOSTILE_BUNDLE')} on ${node.name}, ${RUNS} runs each; ${cpus().length} CPUs, ${cpus()[0]?.model ?? 'unknown CPU'}`);
console.log('');
console.log('| GitHub answers with | runs | previous found by | median wall s | median CPU s | max CPU s |');
console.log('|---|---:|---|---:|---:|---:|');
for (const [name, scenario] of Object.entries(SCENARIOS)) {
  const api = await hostileGitHub(scenario);
  const walls = [];
  const cpu = [];
  let foundBy = '';
  try {
    for (let i = 0; i < RUNS; i++) {
      const usageFile = join(work, `usage-${i}.json`);
      const result = await runStep({
        node: node.path,
        bundle: bundle('HOSTILE_BUNDLE'),
        work,
        preload,
        killAfterMs: 120_000,
        inputs: { 'api-key': 'ot_hostile_readwrite_0123456789', 'dry-run': 'true', 'github-token': 'ghs_hostile_0123456789', subject: 'production', 'lookup-timeout': '60' },
        env: { GITHUB_API_URL: api.url, GITHUB_REF: 'refs/tags/v2.0.0', GITHUB_REF_NAME: 'v2.0.0', GITHUB_REF_TYPE: 'tag', HOSTILE_USAGE_FILE: usageFile, GITHUB_WORKFLOW_REF: 'acme/api/.github/workflows/deploy.yml@refs/heads/main' },
      });
      if (result.code !== 0) throw new Error(`${name}: exit ${result.code}\n${result.log}`);
      foundBy = /"found_by":\s*"([a-z]+)"/.exec(result.log)?.[1] ?? 'none';
      const usage = JSON.parse(readFileSync(usageFile, 'utf8'));
      walls.push(result.ms / 1000);
      cpu.push((usage.userCPUTime + usage.systemCPUTime) / 1e6);
    }
  } finally {
    await api.close();
  }
  console.log(`| ${name} | ${RUNS} | ${foundBy} | ${median(walls).toFixed(2)} | ${median(cpu).toFixed(2)} | ${Math.max(...cpu).toFixed(2)} |`);
}
