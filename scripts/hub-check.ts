/**
 * npm run hub:check -- <hub url> [--credential C] [--enrol-wait S] [--origin URL] [--window S] [--wall ID] [--display ID]
 *
 * Checks a running hub against the hub contract (docs/hub-contract.md) the way a OneScreen wall
 * talks to it, and prints one line per case: PASS, WARN or FAIL, why, and the section to read.
 * Without --credential it enrols itself as a display: a hub in demo mode approves it at once, any
 * other shows a pairing code (printed on stderr) for an operator to approve in the console.
 * Exit code 1 when any case fails, 2 on a usage error.
 */
import { parseArgs } from 'node:util';
import { DEFAULT_OPTIONS, runHubCheck } from './hub-check/check.ts';
import { formatResult, summary } from './hub-check/report.ts';
import { CONTRACT_VERSION } from '../src/hub/contract.ts';
import { CredentialSchema } from '../src/hub/enrolment.ts';

const USAGE = `usage: npm run hub:check -- <hub url> [options]

  <hub url>            the hub's base URL, e.g. http://127.0.0.1:8787
  --credential C       an enrolled display's device credential (one made for the checker), used
                       instead of enrolling; its slot is the one its token names (else --wall/--display)
  --enrol-wait S       without --credential, seconds to wait for an operator to approve the
                       checker's pairing code (default ${DEFAULT_OPTIONS.enrolWaitMs / 1000}; a demo-mode hub approves at once)
  --origin URL         the origin the wall is served from, for the CORS checks (default ${DEFAULT_OPTIONS.origin})
  --window S           seconds to watch live events (default ${DEFAULT_OPTIONS.windowMs / 1000})
  --wall ID            wall id to enrol into (default ${DEFAULT_OPTIONS.wall})
  --display ID         display id to enrol as (default ${DEFAULT_OPTIONS.display})
  --json               print the results as JSON instead of lines`;

function fail(message: string): never {
  console.error(`${message}\n\n${USAGE}`);
  process.exit(2);
}

let args;
try {
  args = parseArgs({
    allowPositionals: true,
    options: {
      credential: { type: 'string' },
      'enrol-wait': { type: 'string', default: String(DEFAULT_OPTIONS.enrolWaitMs / 1000) },
      origin: { type: 'string', default: DEFAULT_OPTIONS.origin },
      window: { type: 'string', default: String(DEFAULT_OPTIONS.windowMs / 1000) },
      wall: { type: 'string', default: DEFAULT_OPTIONS.wall },
      display: { type: 'string', default: DEFAULT_OPTIONS.display },
      json: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
} catch (err) {
  fail((err as Error).message);
}
if (args.values.help) {
  console.log(USAGE);
  process.exit(0);
}
const [hub, ...extra] = args.positionals;
if (!hub || extra.length) fail(hub ? `unexpected arguments: ${extra.join(' ')}` : 'missing the hub url');
if (!/^https?:\/\/[^/]+/.test(hub)) fail(`not an http(s) URL: ${hub}`);
const windowS = Number(args.values.window);
if (!Number.isFinite(windowS) || windowS < 1 || windowS > 600) fail('--window must be 1 to 600 seconds');
for (const key of ['wall', 'display'] as const)
  if (!/^[a-z0-9-]{1,36}$/.test(args.values[key])) fail(`--${key} must be 1–36 lower-case letters, digits or dashes`);
const credential = args.values.credential;
if (credential !== undefined && !CredentialSchema.safeParse(credential).success)
  fail('--credential must be a device credential as the hub issued it: dev-<id>.<secret>');
const enrolWaitS = Number(args.values['enrol-wait']);
if (!Number.isFinite(enrolWaitS) || enrolWaitS < 1 || enrolWaitS > 600) fail('--enrol-wait must be 1 to 600 seconds');
if (!/^https?:\/\/[^/]+$/.test(args.values.origin)) fail(`--origin must be an origin like https://wall.example (no path), not ${args.values.origin}`);

const json = args.values.json;
if (!json) console.log(`Checking ${hub} against hub contract version ${CONTRACT_VERSION} (live window ${windowS} s, Origin ${args.values.origin})\n`);
const results = await runHubCheck({
  hub,
  credential,
  enrolWaitMs: enrolWaitS * 1000,
  notice: (line) => console.error(`\n${line}\n`),
  origin: args.values.origin,
  windowMs: windowS * 1000,
  wall: args.values.wall,
  display: args.values.display,
  onResult: json ? undefined : (r) => console.log(formatResult(r)),
});
const s = summary(results);
if (json) console.log(JSON.stringify({ hub, contractVersion: CONTRACT_VERSION, results, ...s }, null, 2));
else console.log(`\n${s.line}`);
process.exit(s.fail > 0 ? 1 : 0);
