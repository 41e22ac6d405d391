/**
 * What the benchmark runs inside the page: the script that watches the DOM from the first byte
 * (before the page's own scripts) and records when a screen became usable or an action showed,
 * and the helpers that read those records from the benchmark's side.
 *
 * "Usable" is read inside the page: a MutationObserver records `performance.now()` — ms since
 * the navigation started — once the frame after the screen's marker holds has been laid out and
 * painted (a message posted from that frame's animation callback runs after its rendering). The
 * marker: its heading, its first list item (or empty state), and nothing left `aria-busy`. The
 * markers are the one place to adapt when the screens change: see `MARKERS`. While a screen's
 * own file is still loading the shell shows an `aria-busy` placeholder, so the marker waits for
 * the screen itself.
 */
import type { Page } from '@playwright/test';
import { MEETING_STEPS, type MeetingStep } from '../src/shared/domain.ts';

/** How the step indicator names each step (its button's text). */
export const STEP_LABELS: Record<MeetingStep, RegExp> = {
  retrospective: /retro/i,
  polish: /polish/i,
  plan: /plan/i,
  'wrap-up': /wrap/i,
};

/**
 * When a screen counts as usable: every `all` selector matches, no `none` selector does, the
 * `h1` reads `heading`, and the meeting's current step reads `currentStep` (a regular expression).
 */
interface Marker {
  all: string[];
  none?: string[];
  heading?: string;
  currentStep?: string;
}
const BUSY = 'main [aria-busy="true"]';
/** The meeting's step indicator: its current step, and the bar holding a button per step. */
export const CURRENT_STEP = 'nav[aria-label*="step" i] [aria-current="step"]';
export const STEP_NAV = 'nav[aria-label*="step" i]';
/** The baseline's page: a heading and nothing else (see `bench/baseline-server.ts`). */
export const BLANK_HEADING = 'Blank';
const MARKERS: Record<string, Marker> = {
  blank: { heading: BLANK_HEADING, all: ['h1'] },
  roadmap: { heading: 'Roadmap', all: ['main .goal-list > li, main .empty'], none: [BUSY] },
  meeting: { heading: 'Meeting', all: ['main section.step, main .empty, main form'], none: [BUSY] },
  polish: { heading: 'Polish', all: ['main li, main .empty'], none: [BUSY] },
  sprints: { heading: 'Sprints', all: ['main tbody tr, main li, main .empty'], none: [BUSY] },
  people: { heading: 'People', all: ['main tbody tr, main li, main .empty'], none: [BUSY] },
  settings: { heading: 'Settings', all: ['main section'], none: [BUSY] },
  ...Object.fromEntries(
    MEETING_STEPS.map((step) => [
      `step:${step}`,
      { all: ['main section.step'], none: [BUSY], currentStep: STEP_LABELS[step].source } satisfies Marker,
    ]),
  ),
};

/**
 * The script, run in every document before its own: the markers' watcher, the last input's time,
 * and `__bench.wait` — one thing an action should show: a text outside inputs and live regions
 * (`text`), an element gone (`gone`), or an element's attribute reaching a value (`attr`).
 */
export function initScript(): string {
  return `(() => {
  const markers = ${JSON.stringify(MARKERS)};
  window.__bench = { marks: {}, input: null, wait: null };
  const matches = (m) => {
    if (m.heading) {
      const h = document.querySelector('h1');
      if (!h || !h.textContent.includes(m.heading)) return false;
    }
    if (m.currentStep) {
      const current = document.querySelector(${JSON.stringify(CURRENT_STEP)});
      if (!current || !new RegExp(m.currentStep, 'i').test(current.textContent)) return false;
    }
    return m.all.every((s) => document.querySelector(s)) && !(m.none || []).some((s) => document.querySelector(s));
  };
  // Calls back once the next frame has been laid out and painted.
  const afterPaint = (done) =>
    requestAnimationFrame(() => {
      const painted = new MessageChannel();
      painted.port1.onmessage = () => done(performance.now());
      painted.port2.postMessage(null);
    });
  // A text shows in a text node a mutation added or changed (walking the whole page at each
  // mutation would add its own milliseconds to the time measured).
  const shows = (n, text) =>
    n.isConnected && n.data.includes(text) && !n.parentElement.closest('textarea, input, [role=status], [role=alert], [aria-live]');
  const addedText = (records, text) =>
    records.some((r) => {
      if (r.type === 'characterData') return shows(r.target, text);
      for (const added of r.addedNodes) {
        if (added.nodeType === Node.TEXT_NODE) {
          if (shows(added, text)) return true;
          continue;
        }
        if (added.nodeType !== Node.ELEMENT_NODE || !added.textContent.includes(text)) continue;
        const walker = document.createTreeWalker(added, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) if (shows(n, text)) return true;
      }
      return false;
    });
  const shown = (w, records) =>
    w.kind === 'text' ? addedText(records, w.text)
    : w.kind === 'gone' ? !w.node.isConnected
    : w.node.getAttribute(w.name) === w.value;
  const check = (records) => {
    const marks = window.__bench.marks;
    for (const [name, m] of Object.entries(markers)) {
      if (name in marks || !matches(m)) continue;
      const mark = (marks[name] = { dom: performance.now(), frame: null });
      afterPaint((t) => (mark.frame = t));
    }
    const w = window.__bench.wait;
    if (w && w.dom === null && shown(w, records)) {
      w.dom = performance.now();
      afterPaint((t) => (w.at = t));
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  addEventListener('click', () => (window.__bench.input = performance.now()), true);
  addEventListener('keydown', () => (window.__bench.input = performance.now()), true);
})();`;
}

/** The document's load and its API calls: [method, responseEnd], ms since navigation start. */
export const TIMING = `(() => {
  const n = performance.getEntriesByType('navigation')[0];
  const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/'));
  return { dcl: n ? n.domContentLoadedEventEnd : 0, api: api.map((e) => [decodeURIComponent(e.name.split('/api/')[1]), e.responseEnd]) };
})()`;

/**
 * Polls `expression` in the page until it gives a number (or `timeout` ms pass). Polled from
 * here with `evaluate`, because the app's CSP forbids the string evaluation `waitForFunction`
 * uses; the times themselves are taken in the page, so polling adds nothing to them.
 */
export async function pollNumber(page: Page, expression: string, timeout: number): Promise<number | null> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = (await page.evaluate(expression).catch(() => null)) as unknown;
    if (typeof value === 'number') return value;
    if (Date.now() > end) return null;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits for a marker; its time in ms since the document's navigation started, or null. */
export const markTime = (page: Page, name: string, timeout: number): Promise<number | null> =>
  pollNumber(
    page,
    `(() => { const m = window.__bench && window.__bench.marks[${JSON.stringify(name)}]; return m && m.frame !== null ? m.frame : null; })()`,
    timeout,
  );

/** Forgets the marks and the last input, so the next ones are new. */
export const resetMarks = (page: Page) =>
  page.evaluate('window.__bench.marks = {}; window.__bench.input = null');

/** What `__bench.wait` watches for (an element is passed as a handle). */
export type Wait =
  | { kind: 'text'; text: string }
  | { kind: 'gone'; node: unknown }
  | { kind: 'attr'; node: unknown; name: string; value: string };

/**
 * Sets what the next action should show, runs the action (a key press), and gives the time from
 * its input event until that showed and was painted — and until it was in the DOM — or null.
 */
export async function timeAction(
  page: Page,
  wait: Wait,
  act: () => Promise<void>,
  timeout: number,
): Promise<{ painted: number; inDom: number } | null> {
  await page.evaluate((w) => {
    const bench = (globalThis as unknown as { __bench: Record<string, unknown> }).__bench;
    bench.wait = { ...w, dom: null, at: null };
    bench.input = null;
  }, wait);
  await act();
  const painted = await pollNumber(
    page,
    '(() => { const b = window.__bench; return b.wait.at != null && b.input !== null ? b.wait.at - b.input : null; })()',
    timeout,
  );
  if (painted === null) return null;
  const inDom = (await page.evaluate('window.__bench.wait.dom - window.__bench.input')) as number;
  return { painted, inDom };
}
