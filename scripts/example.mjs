// `npm run example`: runs the bundled main step (dist/main.cjs) as the runner would, on a merged pull
// request pushed to master, against a loopback OpsTrails; then shows the event the server received, the
// step's outputs and its job summary. No network: the API is on 127.0.0.1 and no GitHub token is given.
//
// Extra inputs as name=value arguments: npm run example -- subject=STAGING "data=ticket: OPS-7" dry-run=true
// `--readme` writes the event received, the story line and the job summary's markdown into README.md's
// example blocks;
// `--check-readme` only compares (all but ids and times, which differ on every run) and fails when the
// README is behind.
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { startLoopbackOpsTrails } from './loopback-opstrails.mjs';
import { pushRunnerEnv } from './push-runner-env.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUNDLE = join(ROOT, 'dist/main.cjs');
// GitHub's push payload shape: a pull request (with a ticket in its title) merged into master.
const PAYLOAD = join(ROOT, 'test/fixtures/payloads/push-merge.json');
const DEMO_KEY = 'ot_example_0123456789abcdef';

// What the runner evaluates for action.yml defaults written as expressions, on a job that is running.
// github.token stays empty: the pull request lookup it enables would leave this machine.
const EVALUATED = { '${{ github.token }}': '', '${{ job.status }}': 'success', '${{ job.check_run_id }}': '' };

/** Every declared input with its default, as the runner sets INPUT_<NAME> (upper case, hyphens kept). */
function inputEnv(given) {
  const declared = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')).inputs;
  const env = {};
  for (const [name, spec] of Object.entries(declared)) {
    const fallback = spec.default === undefined ? '' : String(spec.default);
    env[`INPUT_${name.toUpperCase()}`] = given[name] ?? EVALUATED[fallback] ?? fallback;
  }
  for (const name of Object.keys(given)) {
    if (!(name in declared)) throw new Error(`"${name}" is not an input of action.yml (inputs: ${Object.keys(declared).join(', ')})`);
  }
  return env;
}

const README = join(ROOT, 'README.md');
const README_BLOCK = /(<!-- example-event:start[^\n]*-->\n)[\s\S]*?(<!-- example-event:end -->)/;

/** The event with the fields that differ on every run blanked. */
function comparable(event) {
  return JSON.stringify({ ...event, id: '(varies)', time: '(varies)' });
}

/** Writes (or, with check, compares) README.md's example event; returns whether it was up to date. */
function syncReadme(event, check) {
  const readme = readFileSync(README, 'utf8');
  const block = README_BLOCK.exec(readme);
  if (!block) throw new Error('README.md has no example-event block');
  const shown = /```json\n([\s\S]*?)\n```/.exec(block[0])?.[1];
  const current = shown === undefined ? undefined : JSON.parse(shown);
  const upToDate = current !== undefined && comparable(current) === comparable(event);
  if (!check && !upToDate) writeFileSync(README, readme.replace(README_BLOCK, `$1\`\`\`json\n${JSON.stringify(event, null, 2)}\n\`\`\`\n$2`));
  return upToDate;
}

const README_SUMMARY_BLOCK = /(<!-- example-summary:start[^\n]*-->\n)[\s\S]*?(<!-- example-summary:end -->)/;

/** The summary as the README shows it: up to the folded event JSON, which the event block above shows. */
function readmeSummary(summary) {
  const at = summary.indexOf('<details');
  return (at === -1 ? summary : summary.slice(0, at)).trimEnd();
}

/** The summary with the ids and times that differ on every run blanked. */
function comparableSummary(markdown) {
  return markdown.replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, '(id)').replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, '(time)');
}

/**
 * Writes (or, with check, compares) README.md's example log line and summary; returns whether they were
 * up to date. The log line is the step's one line that starts with "Recorded".
 */
function syncReadmeSummary(log, summary, check) {
  const readme = readFileSync(README, 'utf8');
  const block = README_SUMMARY_BLOCK.exec(readme);
  if (!block) throw new Error('README.md has no example-summary block');
  const story = log.split('\n').find((line) => line.startsWith('Recorded ')) ?? '(no story line)';
  const wanted = `The log:\n\n\`\`\`text\n${story}\n\`\`\`\n\nThe job summary:\n\n\`\`\`\`markdown\n${readmeSummary(summary)}\n\`\`\`\`\n`;
  const shown = block[0].slice(block[1].length, block[0].length - block[2].length);
  const upToDate = comparableSummary(shown) === comparableSummary(wanted);
  if (!check && !upToDate) writeFileSync(README, readme.replace(README_SUMMARY_BLOCK, () => `${block[1]}${wanted}${block[2]}`));
  return upToDate;
}

function parseArgs(args) {
  const given = {};
  for (const arg of args) {
    if (arg === '--readme' || arg === '--check-readme') continue;
    const at = arg.indexOf('=');
    if (at < 1) throw new Error(`Expected name=value, got "${arg}"`);
    given[arg.slice(0, at)] = arg.slice(at + 1);
  }
  return given;
}

function section(title, body) {
  console.log(`\n=== ${title} ${'='.repeat(Math.max(0, 70 - title.length))}\n${body.trimEnd()}`);
}

/** Reads a file command file (`name<<delimiter` blocks, as @actions/core writes them). */
function fileCommands(text) {
  const values = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i]);
    if (!match) continue;
    const value = [];
    for (i++; i < lines.length && lines[i] !== match[2]; i++) value.push(lines[i]);
    values[match[1]] = value.join('\n');
  }
  return values;
}

async function main() {
  if (!existsSync(BUNDLE)) throw new Error('dist/main.cjs is missing: run npm run package first.');
  const given = { 'api-key': DEMO_KEY, subject: 'PRODUCTION', severity: 'MINOR', ...parseArgs(process.argv.slice(2)) };
  const work = mkdtempSync(join(tmpdir(), 'event-action-example-'));
  const server = await startLoopbackOpsTrails();
  try {
    const eventPath = join(work, 'event.json');
    copyFileSync(PAYLOAD, eventPath);
    const payload = JSON.parse(readFileSync(eventPath, 'utf8'));
    const env = { ...pushRunnerEnv(payload, eventPath, work), ...inputEnv({ 'api-url': server.url, ...given }) };
    for (const file of [env.GITHUB_OUTPUT, env.GITHUB_STATE, env.GITHUB_STEP_SUMMARY]) writeFileSync(file, '');

    console.log(`Running node dist/main.cjs: a push of ${payload.commits.length} commits to ${env.GITHUB_REF_NAME} of ${env.GITHUB_REPOSITORY}, OpsTrails at ${server.url}`);
    const child = spawn(process.execPath, [BUNDLE], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (chunk) => (log += chunk));
    child.stderr.on('data', (chunk) => (log += chunk));
    const code = await new Promise((resolve) => child.on('close', resolve));

    section('step log', log);
    section(`event received by the loopback OpsTrails (${server.received.length})`, server.received.map((r) => JSON.stringify(r.event, null, 2)).join('\n') || '(none)');
    const outputs = fileCommands(readFileSync(env.GITHUB_OUTPUT, 'utf8'));
    // The event output repeats the received event; shown in full only when nothing was sent (dry run, failure).
    const shown = (name, value) => (name === 'event' && server.received.length > 0 ? `(${value.length} bytes: the event above)` : value);
    section('outputs', Object.entries(outputs).map(([name, value]) => `${name}: ${shown(name, value)}`).join('\n'));
    section('job summary (markdown)', readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8'));
    section('exit status', String(code));
    process.exitCode = code ?? 1;
    const readmeMode = process.argv.find((arg) => arg === '--readme' || arg === '--check-readme');
    if (readmeMode) {
      const event = server.received[0]?.event;
      if (!event) throw new Error('no event was received, so the README example cannot be compared');
      const check = readmeMode === '--check-readme';
      const verdict = (upToDate) => (upToDate ? 'up to date' : check ? 'BEHIND: run npm run example -- --readme' : 'rewritten');
      const eventUpToDate = syncReadme(event, check);
      console.log(`\nREADME.md example event: ${verdict(eventUpToDate)}`);
      const summaryUpToDate = syncReadmeSummary(log, readFileSync(env.GITHUB_STEP_SUMMARY, 'utf8'), check);
      console.log(`README.md example summary: ${verdict(summaryUpToDate)}`);
      if (check && !(eventUpToDate && summaryUpToDate)) process.exitCode = 1;
    }
  } finally {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error.message);
  process.exitCode = 1;
});
