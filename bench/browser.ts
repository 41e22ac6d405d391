/**
 * The renderer in Chromium on browser mode: the blank page (the baseline), how long from
 * navigation until each screen is usable, how long a switch between screens takes inside the
 * running app (Ctrl+1…6), the meeting's steps and actions (`bench/meeting-actions.ts`), and the
 * page's JS heap. How "usable" is read: `bench/page-script.ts`.
 *
 * Each sample of a load is a reload of the address, as a returning user's: a new document in the
 * same tab, the build's files (content-named, kept by the browser) from its cache with their
 * compiled code, the page and the API never. The first visit (and each measure's warm-up) fills
 * that cache. The blank page is reloaded the same way, from a trivial server of its own. (Going
 * through about:blank instead would make each of the app's loads start a new renderer process —
 * its `Cross-Origin-Opener-Policy` asks for one — which the blank page, without that header,
 * never pays.)
 */
import { chromium, type Browser, type CDPSession, type Page } from '@playwright/test';
import { MEETING_ROWS, measureMeeting } from './meeting-actions.ts';
import { TARGETS, percentile, row, single, skipped, type Budget, type Row } from './measure.ts';
import { TIMING, initScript, markTime, resetMarks } from './page-script.ts';

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

/** The screens timed from navigation (Settings has no data to wait for). */
const SCREENS = [
  { name: 'roadmap usable (#/roadmap)', hash: '#/roadmap', marker: 'roadmap' },
  { name: 'meeting screen usable (#/meeting)', hash: '#/meeting', marker: 'meeting' },
  { name: 'polish screen usable (#/polish)', hash: '#/polish', marker: 'polish' },
  { name: 'sprints screen usable (#/sprints)', hash: '#/sprints', marker: 'sprints' },
  { name: 'people screen usable (#/people)', hash: '#/people', marker: 'people' },
];
export const BLANK_ROW = 'blank page usable (the baseline: a heading, nothing else)';
const SWITCH_ROW = (screen: string, key: number) => `switch to ${screen} in the app (Ctrl+${key})`;
/**
 * The navigation's screens in their order, as Ctrl+1…7 picks them (`SCREENS` in the renderer's
 * router, which Node can't load): a screen out of place here never shows its marker, and its row
 * says so.
 */
const NAVIGATION = ['meeting', 'roadmap', 'sprints', 'polish', 'people', 'updates', 'settings'];
/** The screens measured (Updates is not yet), each with its key in the navigation. */
const SWITCHES = ['meeting', 'roadmap', 'sprints', 'polish', 'people', 'settings'].map((id) => ({
  id,
  name: SWITCH_ROW(id, NAVIGATION.indexOf(id) + 1),
  key: NAVIGATION.indexOf(id) + 1,
}));
const HEAP_ROW = 'JS heap, largest after a screen (after GC)';

/** Every row this part reports, measured or skipped: the same list in every mode. */
export const BROWSER_ROWS = [
  BLANK_ROW,
  ...SCREENS.map((s) => s.name),
  ...SWITCHES.map((s) => s.name),
  ...MEETING_ROWS,
  HEAP_ROW,
];

export interface BrowserOptions {
  origin: string;
  url: string;
  /** The baseline server's origin: its `/` is the blank page. */
  blankOrigin: string;
  budget: Budget;
  /** Milliseconds to wait for a marker before calling the screen missing. */
  timeout?: number;
}

export interface Session {
  page: Page;
  cdp: CDPSession;
  origin: string;
  budget: Budget;
  timeout: number;
  rows: Row[];
  heaps: [string, number][];
  /** The blank page's reloads, one just before each sample of a screen's load. */
  blank: { address: string; samples: number[]; loaded: number[] };
}

export const GROUP = 'Chromium';

/**
 * Samples of a measure whose target is a p95 (a switch, a step's click, an action): eight times a
 * reload's, so its p95 is a 95th percentile (of 40) and not the slowest sample (of 5 or 10).
 */
export const p95Samples = (budget: Budget): number => 8 * budget.iterations;

export async function measureBrowser({
  origin,
  url,
  blankOrigin,
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
    const blank: Session['blank'] = { address: `${blankOrigin}/`, samples: [], loaded: [] };
    const s: Session = { page, cdp, origin, budget, timeout, rows, heaps: [], blank };

    // The first visit trades the token for the cookie (and warms the server and the disk cache).
    await page.goto(url);
    await page.waitForSelector('h1', { timeout });
    for (const screen of SCREENS)
      await measureLoad(s, screen.name, `${origin}/${screen.hash}`, screen.marker, TARGETS.screenUsable);
    rows.push(
      blank.samples.length
        ? row(GROUP, BLANK_ROW, blank.samples, TARGETS.blankPage, {
            note: `DOMContentLoaded ${med(blank.loaded)} ms; reloaded just before each sample of a screen's load`,
          })
        : skipped(
            GROUP,
            BLANK_ROW,
            'no sample: it is reloaded only before each sample of a screen, and none showed its heading',
            TARGETS.blankPage,
          ),
    );
    await measureSwitches(s);
    if (rows.find((r) => r.name === SCREENS[1]!.name)?.n) {
      await measureMeeting(s);
    } else {
      for (const name of MEETING_ROWS) rows.push(skipped(GROUP, name, 'the meeting screen is not usable'));
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

/**
 * A returning user's reload of `address`: the page is taken there (within the document when only
 * the hash differs), then reloaded. The marker's time since the reload started, or null.
 */
export async function navigate(
  s: Session,
  address: string,
  marker: string,
  wait = s.timeout,
): Promise<number | null> {
  if (s.page.url() !== address) await s.page.goto(address);
  await s.page.reload();
  return markTime(s.page, marker, wait);
}

export async function heapNow(s: Session): Promise<number> {
  await s.cdp.send('HeapProfiler.collectGarbage');
  return ((await s.cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize / 1e6;
}

export const med = (xs: number[]) => Math.round(percentile(xs, 0.5));

async function measureLoad(
  s: Session,
  name: string,
  address: string,
  marker: string,
  target: (typeof TARGETS)[keyof typeof TARGETS],
): Promise<void> {
  const samples: number[] = [];
  const loaded: number[] = [];
  const answered: number[] = [];
  let calls = '';
  for (let i = 0; i < s.budget.warmup + s.budget.iterations; i++) {
    // The baseline under the same conditions as this sample: the blank page, reloaded just before.
    if (i >= s.budget.warmup) {
      const blank = await navigate(s, s.blank.address, 'blank');
      if (blank !== null) {
        s.blank.samples.push(blank);
        s.blank.loaded.push(((await s.page.evaluate(TIMING)) as { dcl: number }).dcl);
      }
    }
    const t = await navigate(s, address, marker);
    if (t === null) {
      const why = `not usable within ${s.timeout} ms (its marker never held: see MARKERS.${marker})`;
      s.rows.push(skipped(GROUP, name, why, target));
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
  const api = `last API answer ${med(answered)} ms (${calls || 'no API call'})`;
  s.rows.push(row(GROUP, name, samples, target, { note: `DOMContentLoaded ${med(loaded)} ms, ${api}` }));
}

/**
 * Switching screens inside the running app, as Ctrl+1…6 does (no reload): from the screen
 * before it in the navigation, the time from the key press until the screen is usable.
 */
async function measureSwitches(s: Session): Promise<void> {
  const { page, budget } = s;
  const samples = new Map<string, number[]>(SWITCHES.map((w) => [w.id, []]));
  const missed = new Set<string>();
  await navigate(s, `${s.origin}/#/roadmap`, 'roadmap');
  for (let round = 0; round < budget.warmup + p95Samples(budget); round++) {
    for (const { id, key } of SWITCHES) {
      if (missed.has(id)) continue;
      await resetMarks(page);
      await page.keyboard.press(`Control+${key}`);
      const t = await markTime(page, id, s.timeout);
      const input = (await page.evaluate('window.__bench.input')) as number | null;
      if (t === null || input === null) missed.add(id);
      else if (round >= budget.warmup) samples.get(id)!.push(t - input);
    }
  }
  for (const { id, name } of SWITCHES) {
    const xs = samples.get(id)!;
    s.rows.push(
      xs.length && !missed.has(id)
        ? row(GROUP, name, xs, TARGETS.screenSwitch, {
            note: 'key press → screen usable, from the screen before',
          })
        : skipped(GROUP, name, `the screen never became usable within ${s.timeout} ms`, TARGETS.screenSwitch),
    );
  }
}
