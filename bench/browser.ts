/**
 * The renderer in Chromium on browser mode: how long from navigation until a screen is usable,
 * how long a meeting step takes to come up (after a reload, and after a click on the step
 * indicator), from Enter on a retro note until it shows, and the page's JS heap.
 *
 * "Usable" is read inside the page: an init script watches the DOM (MutationObserver) from the
 * first byte and records `performance.now()` — milliseconds since the navigation started — once
 * the frame after the screen's marker holds has been laid out and painted (a message posted from
 * that frame's animation callback runs after its rendering); a retro note the same way once its
 * text is in the page. The marker: its heading, its first list item (or empty state), and nothing
 * left `aria-busy`. The markers are the one place to adapt when the screens change: see `MARKERS`. A screen or step that isn't there is skipped with a note.
 * While a screen's own file is still loading the shell shows an `aria-busy` placeholder, so the
 * marker waits for the screen itself.
 *
 * Each sample is a new document (about:blank, then the screen's address) in the same browser
 * context, as a returning user's reload: the build's files (content-named, kept by the browser)
 * come from its cache with their compiled code, the page and the API never do. The first visit
 * (and each measure's warm-up) fills that cache.
 */
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { MEETING_STEPS, type MeetingStep } from '../src/shared/domain.ts';
import { TARGETS, percentile, row, single, skipped, type Budget, type Row } from './measure.ts';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** How the step indicator names each step (its button's text). */
const STEP_LABELS: Record<MeetingStep, RegExp> = {
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
const CURRENT_STEP = 'nav[aria-label*="step" i] [aria-current="step"]';
const STEP_NAV = 'nav[aria-label*="step" i]';
const MARKERS: Record<string, Marker> = {
  roadmap: { heading: 'Roadmap', all: ['main .goal-list > li, main .empty'], none: [BUSY] },
  meeting: { heading: 'Meeting', all: ['main section.step, main .empty, main form'], none: [BUSY] },
  polish: { heading: 'Polish', all: ['main li, main .empty'], none: [BUSY] },
  sprints: { heading: 'Sprints', all: ['main tbody tr, main li, main .empty'], none: [BUSY] },
  people: { heading: 'People', all: ['main tbody tr, main li, main .empty'], none: [BUSY] },
  ...Object.fromEntries(
    MEETING_STEPS.map((step) => [
      `step:${step}`,
      { all: ['main section.step'], none: [BUSY], currentStep: STEP_LABELS[step].source } satisfies Marker,
    ]),
  ),
};

/** The screens timed from navigation. */
const SCREENS = [
  { name: 'roadmap usable (#/roadmap)', hash: '#/roadmap', marker: 'roadmap' },
  { name: 'meeting screen usable (#/meeting)', hash: '#/meeting', marker: 'meeting' },
  { name: 'polish screen usable (#/polish)', hash: '#/polish', marker: 'polish' },
  { name: 'sprints screen usable (#/sprints)', hash: '#/sprints', marker: 'sprints' },
  { name: 'people screen usable (#/people)', hash: '#/people', marker: 'people' },
];
const RELOAD_ROW = (step: MeetingStep) => `meeting step usable after navigation: ${step}`;
const SWITCH_ROW = (step: MeetingStep) => `meeting step usable after its click: ${step}`;
const NOTE_ROW = 'retro note visible after Enter';
const OUTCOME_ROW = 'outcome shown after D';
const HEAP_ROW = 'JS heap, largest after a screen (after GC)';

/** Every row this part reports, measured or skipped: the same list in every mode. */
export const BROWSER_ROWS = [
  ...SCREENS.map((s) => s.name),
  ...MEETING_STEPS.flatMap((step) => [RELOAD_ROW(step), SWITCH_ROW(step)]),
  NOTE_ROW,
  OUTCOME_ROW,
  HEAP_ROW,
];

/** Runs in the page before its own scripts: the markers' watcher and the input timestamps. */
function initScript(): string {
  return `(() => {
  const markers = ${JSON.stringify(MARKERS)};
  window.__bench = { marks: {}, input: null, waitText: null, waitOutcome: null };
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
  const check = () => {
    const marks = window.__bench.marks;
    for (const [name, m] of Object.entries(markers)) {
      if (name in marks || !matches(m)) continue;
      const mark = (marks[name] = { dom: performance.now(), frame: null });
      afterPaint((t) => (mark.frame = t));
    }
    const w = window.__bench.waitText;
    if (w && w.dom === null && document.body) {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (n.data.includes(w.text) && !n.parentElement.closest('textarea, input')) {
          w.dom = performance.now();
          afterPaint((t) => (w.at = t));
          break;
        }
      }
    }
    const o = window.__bench.waitOutcome;
    if (o && o.dom === null && o.row.dataset.outcome === o.outcome) {
      o.dom = performance.now();
      afterPaint((t) => (o.at = t));
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  addEventListener('click', () => (window.__bench.input = performance.now()), true);
  addEventListener('keydown', () => (window.__bench.input = performance.now()), true);
})();`;
}

/** The document's load and its API calls: [method, responseEnd], ms since navigation start. */
const TIMING = `(() => {
  const n = performance.getEntriesByType('navigation')[0];
  const api = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/'));
  return { dcl: n ? n.domContentLoadedEventEnd : 0, api: api.map((e) => [decodeURIComponent(e.name.split('/api/')[1]), e.responseEnd]) };
})()`;

/**
 * Polls `expression` in the page until it gives a number (or `timeout` ms pass). Polled from
 * here with `evaluate`, because the app's CSP forbids the string evaluation `waitForFunction`
 * uses; the times themselves are taken in the page, so polling adds nothing to them.
 */
async function pollNumber(page: Page, expression: string, timeout: number): Promise<number | null> {
  const end = Date.now() + timeout;
  for (;;) {
    const value = (await page.evaluate(expression).catch(() => null)) as unknown;
    if (typeof value === 'number') return value;
    if (Date.now() > end) return null;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits for a marker; its time in ms since the document's navigation started, or null. */
const markTime = (page: Page, name: string, timeout: number): Promise<number | null> =>
  pollNumber(
    page,
    `(() => { const m = window.__bench && window.__bench.marks[${JSON.stringify(name)}]; return m && m.frame !== null ? m.frame : null; })()`,
    timeout,
  );

/** Forgets the marks and the last input, so the next ones are new. */
const resetMarks = (page: Page) => page.evaluate('window.__bench.marks = {}; window.__bench.input = null');

export interface BrowserOptions {
  origin: string;
  url: string;
  budget: Budget;
  /** Milliseconds to wait for a marker before calling the screen missing. */
  timeout?: number;
}

interface Session {
  page: Page;
  cdp: CDPSession;
  origin: string;
  budget: Budget;
  timeout: number;
  rows: Row[];
  heaps: [string, number][];
}

const GROUP = 'Chromium';

export async function measureBrowser({
  origin,
  url,
  budget,
  timeout = 15_000,
}: BrowserOptions): Promise<Row[]> {
  const rows: Row[] = [];
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const context = await browser.newContext();
    await context.addInitScript({ content: initScript() });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    // The first visit trades the token for the cookie (and warms the server and the disk cache).
    await page.goto(url);
    await page.waitForSelector('h1', { timeout });
    const s: Session = { page, cdp, origin, budget, timeout, rows, heaps: [] };

    for (const screen of SCREENS) await measureScreen(s, screen.name, screen.hash, screen.marker);
    if (rows.find((r) => r.name === SCREENS[1]!.name)?.n) {
      await measureSteps(s);
      await measureRetroNote(s);
      await measureOutcome(s);
    } else {
      const why = 'the meeting screen is not usable';
      for (const step of MEETING_STEPS) {
        rows.push(skipped(GROUP, RELOAD_ROW(step), why, TARGETS.screenUsable));
        rows.push(skipped(GROUP, SWITCH_ROW(step), why, TARGETS.screenUsable));
      }
      rows.push(skipped(GROUP, NOTE_ROW, why, TARGETS.noteVisible));
      rows.push(skipped(GROUP, OUTCOME_ROW, why, TARGETS.noteVisible));
    }
    if (s.heaps.length) {
      const largest = Math.max(...s.heaps.map(([, mb]) => mb));
      const each = s.heaps.map(([name, mb]) => `${name} ${mb.toFixed(1)}`).join(', ');
      rows.push(single(GROUP, HEAP_ROW, largest, 'MB', TARGETS.heap, `MB after each: ${each}`));
    } else {
      rows.push(skipped(GROUP, HEAP_ROW, 'no screen was usable', TARGETS.heap));
    }
  } catch (error) {
    const why = `Chromium failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
    for (const name of BROWSER_ROWS)
      if (!rows.some((r) => r.name === name)) rows.push(skipped(GROUP, name, why));
  } finally {
    await browser?.close();
  }
  return BROWSER_ROWS.map(
    (name) => rows.find((r) => r.name === name) ?? skipped(GROUP, name, 'not measured'),
  );
}

/** A fresh document at `hash`; the marker's time since navigation start, or null. */
async function navigate(s: Session, hash: string, marker: string, wait = s.timeout): Promise<number | null> {
  await s.page.goto('about:blank');
  await s.page.goto(`${s.origin}/${hash}`);
  return markTime(s.page, marker, wait);
}

async function heapNow(s: Session): Promise<number> {
  await s.cdp.send('HeapProfiler.collectGarbage');
  return ((await s.cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize / 1e6;
}

const med = (xs: number[]) => Math.round(percentile(xs, 0.5));

async function measureScreen(s: Session, name: string, hash: string, marker: string): Promise<void> {
  const samples: number[] = [];
  const loaded: number[] = [];
  const answered: number[] = [];
  let calls = '';
  for (let i = 0; i < s.budget.warmup + s.budget.iterations; i++) {
    const t = await navigate(s, hash, marker);
    if (t === null) {
      s.rows.push(
        skipped(
          GROUP,
          name,
          `not usable within ${s.timeout} ms (its marker never held: see MARKERS.${marker})`,
          TARGETS.screenUsable,
        ),
      );
      return;
    }
    if (i < s.budget.warmup) continue;
    samples.push(t);
    const timing = (await s.page.evaluate(TIMING)) as { dcl: number; api: [string, number][] };
    loaded.push(timing.dcl);
    answered.push(Math.max(0, ...timing.api.map(([, end]) => end)));
    calls = [...new Set(timing.api.map(([method]) => method))].join(', ');
  }
  s.heaps.push([marker, await heapNow(s)]);
  const note = `DOMContentLoaded ${med(loaded)} ms, last API answer ${med(answered)} ms (${calls || 'no API call'})`;
  s.rows.push(row(GROUP, name, samples, TARGETS.screenUsable, { note }));
}

/** Clicks a step in the step indicator; the time from the click until the step is usable. */
async function clickStep(s: Session, step: MeetingStep): Promise<number | null> {
  const button = s.page.locator(STEP_NAV).getByRole('button', { name: STEP_LABELS[step] });
  if ((await button.count()) === 0) return null;
  await resetMarks(s.page);
  await button.first().click();
  const t = await markTime(s.page, `step:${step}`, s.timeout);
  const input = (await s.page.evaluate('window.__bench.input')) as number | null;
  return t !== null && input !== null && t >= input ? t - input : null;
}

/**
 * Each meeting step (the meeting of the active sprint, started before the run): the time from
 * navigation to `#/meeting` until the step is usable when the meeting is at that step (a reload,
 * or coming back to the screen), and from a click on the step in the indicator.
 */
async function measureSteps(s: Session): Promise<void> {
  const { budget } = s;
  await navigate(s, '#/meeting', 'meeting');
  if ((await s.page.locator(CURRENT_STEP).count()) === 0) {
    for (const step of MEETING_STEPS) {
      const why = `no step indicator (${CURRENT_STEP}) on #/meeting: the meeting is not under way, or its markup changed`;
      s.rows.push(skipped(GROUP, RELOAD_ROW(step), why, TARGETS.screenUsable));
      s.rows.push(skipped(GROUP, SWITCH_ROW(step), why, TARGETS.screenUsable));
    }
    return;
  }
  for (const [index, step] of MEETING_STEPS.entries()) {
    const neighbour = MEETING_STEPS[index === 0 ? 1 : index - 1]!;
    // From the neighbouring step, a click on this one (the meeting then stays at this step).
    // A try that never shows the step is retried (a busy machine), up to twice in all.
    const switches: number[] = [];
    let misses = 0;
    for (let i = 0; i < budget.warmup + budget.iterations && misses <= 2; i++) {
      const t = (await clickStep(s, neighbour)) === null ? null : await clickStep(s, step);
      if (t === null) {
        misses++;
        i--;
        continue;
      }
      if (i >= budget.warmup) switches.push(t);
    }
    const retried = (n: number) => (n ? `; ${n} try(s) timed out and were retried` : '');
    s.rows.push(
      switches.length
        ? row(GROUP, SWITCH_ROW(step), switches, TARGETS.screenUsable, {
            note: `click → step usable (from ${neighbour})${retried(misses)}`,
          })
        : skipped(
            GROUP,
            SWITCH_ROW(step),
            `the step indicator has no button for ${step}, or the step never became usable`,
            TARGETS.screenUsable,
          ),
    );
    // Navigation to the meeting while it is at this step (where the last click left it).
    const reloads: number[] = [];
    let reloadMisses = 0;
    for (let i = 0; i < budget.warmup + budget.iterations && switches.length && reloadMisses <= 2; i++) {
      const t = await navigate(s, '#/meeting', `step:${step}`);
      if (t === null) {
        reloadMisses++;
        i--;
        continue;
      }
      if (i >= budget.warmup) reloads.push(t);
    }
    if (reloads.length) s.heaps.push([`meeting at ${step}`, await heapNow(s)]);
    s.rows.push(
      reloads.length
        ? row(GROUP, RELOAD_ROW(step), reloads, TARGETS.screenUsable, {
            note: `navigation to #/meeting → step usable${retried(reloadMisses)}`,
          })
        : skipped(GROUP, RELOAD_ROW(step), `the meeting did not come back at ${step}`, TARGETS.screenUsable),
    );
  }
}

/** Types a note in the retrospective and presses Enter: the time until the note shows. */
async function measureRetroNote(s: Session): Promise<void> {
  const { page, budget } = s;
  await navigate(s, '#/meeting', 'meeting');
  if ((await markTime(page, 'step:retrospective', 1000)) === null) await clickStep(s, 'retrospective');
  const box = page.getByRole('textbox', { name: /note/i });
  if ((await box.count()) === 0) {
    s.rows.push(
      skipped(GROUP, NOTE_ROW, 'no textbox named “…note…” in the retrospective step', TARGETS.noteVisible),
    );
    return;
  }
  // Found once: a locator would look the box up by its role again for each key, in the page's
  // thread, while the note is on its way.
  const input = await box.first().elementHandle();
  if (!input) throw new Error('the note box went away');
  const samples: number[] = [];
  const inDom: number[] = [];
  for (let i = 0; i < budget.warmup + budget.iterations; i++) {
    const text = `Benchmark note ${i} ${Date.now()}`;
    await input.fill(text);
    await page.evaluate(
      `window.__bench.waitText = { text: ${JSON.stringify(text)}, dom: null, at: null }; window.__bench.input = null`,
    );
    await input.press('Enter');
    const t = await pollNumber(
      page,
      '(() => { const b = window.__bench; return b.waitText.at !== null && b.input !== null ? b.waitText.at - b.input : null; })()',
      s.timeout,
    );
    if (t === null) {
      s.rows.push(
        skipped(GROUP, NOTE_ROW, `the note never appeared within ${s.timeout} ms`, TARGETS.noteVisible),
      );
      return;
    }
    if (i >= budget.warmup) {
      samples.push(t);
      inDom.push((await page.evaluate('window.__bench.waitText.dom - window.__bench.input')) as number);
    }
  }
  s.rows.push(
    row(GROUP, NOTE_ROW, samples, TARGETS.noteVisible, {
      note: `keydown → its text painted (in the DOM after ${med(inDom)} ms)`,
    }),
  );
}

/**
 * Marking a goal's outcome at the retrospective: from the key press on the focused goal to its
 * row painted with the new outcome (done and partial in turn, so each press changes it).
 */
async function measureOutcome(s: Session): Promise<void> {
  const { page, budget } = s;
  const goal = page.locator('li.goal[data-row]').first();
  if ((await goal.count()) === 0) {
    s.rows.push(skipped(GROUP, OUTCOME_ROW, 'no sprint goal in the retrospective step', TARGETS.noteVisible));
    return;
  }
  const handle = await goal.elementHandle();
  if (!handle) throw new Error('the goal row went away');
  await handle.focus();
  const samples: number[] = [];
  for (let i = 0; i < budget.warmup + budget.iterations; i++) {
    const outcome = (await handle.getAttribute('data-outcome')) === 'done' ? 'partial' : 'done';
    await page.evaluate(
      ([row, outcome]) => {
        const bench = (globalThis as unknown as { __bench: Record<string, unknown> }).__bench;
        bench.waitOutcome = { row, outcome, dom: null, at: null };
        bench.input = null;
      },
      [handle, outcome] as const,
    );
    await page.keyboard.press(outcome === 'done' ? 'd' : 'p');
    const t = await pollNumber(
      page,
      '(() => { const b = window.__bench; return b.waitOutcome.at !== null && b.input !== null ? b.waitOutcome.at - b.input : null; })()',
      s.timeout,
    );
    if (t === null) {
      s.rows.push(
        skipped(GROUP, OUTCOME_ROW, `the outcome never showed within ${s.timeout} ms`, TARGETS.noteVisible),
      );
      return;
    }
    if (i >= budget.warmup) samples.push(t);
  }
  s.rows.push(
    row(GROUP, OUTCOME_ROW, samples, TARGETS.noteVisible, { note: 'keydown → the row painted with it' }),
  );
}
