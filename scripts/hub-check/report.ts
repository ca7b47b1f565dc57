/**
 * What one case of the hub conformance check found, and where in docs/hub-contract.md the
 * implementer reads why. Kept apart from the checks so the test can check every anchor exists.
 */
export type Verdict = 'PASS' | 'WARN' | 'FAIL';

export interface CaseResult {
  /** Stable name of the case: "health", "topic overview", "live traffic.vehicles"… */
  id: string;
  verdict: Verdict;
  /** One line: what was seen, and for FAIL/WARN what is wrong. */
  reason: string;
  /** The section of docs/hub-contract.md to read. */
  doc: string;
}

export const DOC_FILE = 'docs/hub-contract.md';

/** Headings of docs/hub-contract.md the checker points at (GitHub anchors; the test checks each exists). */
export const DOC = {
  health: 'get-apiv1health--healthschema',
  districts: 'get-apiv1districts--districtsresponseschema',
  scenes: 'get-apiv1scenes--scenesresponseschema-get-apiv1scenesid',
  topics: 'get-apiv1topicsname--topicsnapshotschemaname-schema',
  buildings: 'get-apiv1citybuildings--binary-applicationoctet-stream',
  history: 'history',
  cors: 'cors-a-hub-on-another-origin',
  limits: 'size-limits-per-direction',
  ordering: 'ordering-epoch-and-seq',
  signIn: 'sign-in-post-apiv1auth',
  enrolment: 'enrolment-post-apiv1enrol-apiv1displays',
  handshake: 'handshake-namespace-live',
  noConsoles: 'a-hub-without-consoles',
  subscribe: 'subscribe-wall--hub-and-topic-events',
  rate: 'topic-rate',
} as const;

export const docRef = (anchor: string) => `${DOC_FILE}#${anchor}`;

/** GitHub's heading anchor: lower case, punctuation other than `-` and `_` dropped, spaces to `-`. */
export function githubAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

export function formatResult(r: CaseResult): string {
  return `${r.verdict.padEnd(4)}  ${r.id.padEnd(30)} ${r.reason}  [${docRef(r.doc)}]`;
}

export function summary(results: CaseResult[]): { pass: number; warn: number; fail: number; line: string } {
  const n = (v: Verdict) => results.filter((r) => r.verdict === v).length;
  const [pass, warn, fail] = [n('PASS'), n('WARN'), n('FAIL')];
  return { pass, warn, fail, line: `${results.length} cases: ${pass} passed, ${warn} warnings, ${fail} failed` };
}
