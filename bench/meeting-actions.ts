/**
 * The meeting in Chromium: each step usable after navigation (the meeting at that step) and
 * after a click in the step indicator, and what a key press in a step shows — a retro note
 * after Enter, a goal's outcome after D, a polish issue done after D, a sprint goal after Add.
 * Each action is timed in the page from its input event until what it changed is painted
 * (`timeAction`), whatever the stores do in between.
 */
import { MEETING_STEPS, type MeetingStep } from '../src/shared/domain.ts';
import { GROUP, heapNow, med, navigate, p95Samples, type Session } from './browser.ts';
import { TARGETS, row, skipped, type Target } from './measure.ts';
import {
  CURRENT_STEP,
  STEP_LABELS,
  STEP_NAV,
  markTime,
  resetMarks,
  timeAction,
  type Wait,
} from './page-script.ts';

const RELOAD_ROW = (step: MeetingStep) => `meeting step usable after navigation: ${step}`;
const CLICK_ROW = (step: MeetingStep) => `meeting step usable after its click: ${step}`;
const NOTE_ROW = 'retro note visible after Enter';
const OUTCOME_ROW = 'outcome shown after D';
const POLISH_ROW = 'polish issue done after D';
const GOAL_ROW = 'sprint goal shown after Add';

export const MEETING_ROWS = [
  ...MEETING_STEPS.flatMap((step) => [RELOAD_ROW(step), CLICK_ROW(step)]),
  NOTE_ROW,
  OUTCOME_ROW,
  POLISH_ROW,
  GOAL_ROW,
];

export async function measureMeeting(s: Session): Promise<void> {
  await measureSteps(s);
  await measureAction(s, NOTE_ROW, 'retrospective', retroNote);
  await measureAction(s, OUTCOME_ROW, 'retrospective', outcome);
  await measureAction(s, POLISH_ROW, 'polish', polishDone);
  await measureAction(s, GOAL_ROW, 'plan', sprintGoal);
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
 * Brings the meeting to `step` by its button, unless it is at that step already: a click on the
 * current step changes nothing on screen, so its marker would only come with the next unrelated
 * change (the countdown's tick), or never.
 */
async function atStep(s: Session, step: MeetingStep): Promise<boolean> {
  const current = await s.page.locator(CURRENT_STEP).textContent();
  if (current !== null && STEP_LABELS[step].test(current)) return true;
  return (await clickStep(s, step)) !== null;
}

/**
 * Each meeting step (the meeting of the active sprint, started before the run): the time from
 * navigation to `#/meeting` until the step is usable when the meeting is at that step (a reload,
 * or coming back to the screen), and from a click on the step in the indicator.
 */
async function measureSteps(s: Session): Promise<void> {
  const { budget } = s;
  await navigate(s, `${s.origin}/#/meeting`, 'meeting');
  if ((await s.page.locator(CURRENT_STEP).count()) === 0) {
    const why = `no step indicator (${CURRENT_STEP}) on #/meeting: the meeting is not under way, or its markup changed`;
    for (const step of MEETING_STEPS) {
      s.rows.push(skipped(GROUP, RELOAD_ROW(step), why, TARGETS.screenUsable));
      s.rows.push(skipped(GROUP, CLICK_ROW(step), why, TARGETS.screenSwitch));
    }
    return;
  }
  const retried = (n: number) => (n ? `; ${n} try(s) timed out and were retried` : '');
  for (const [index, step] of MEETING_STEPS.entries()) {
    const neighbour = MEETING_STEPS[index === 0 ? 1 : index - 1]!;
    // From the neighbouring step, a click on this one (the meeting then stays at this step).
    // A try that never shows the step is retried (a busy machine), up to twice in all.
    const clicks: number[] = [];
    let misses = 0;
    for (let i = 0; i < budget.warmup + p95Samples(budget) && misses <= 2; i++) {
      const t = (await atStep(s, neighbour)) ? await clickStep(s, step) : null;
      if (t === null) {
        misses++;
        i--;
        continue;
      }
      if (i >= budget.warmup) clicks.push(t);
    }
    s.rows.push(
      clicks.length
        ? row(GROUP, CLICK_ROW(step), clicks, TARGETS.screenSwitch, {
            note: `click → step usable (from ${neighbour})${retried(misses)}`,
          })
        : skipped(
            GROUP,
            CLICK_ROW(step),
            `no button for ${step}, or it never became usable`,
            TARGETS.screenSwitch,
          ),
    );
    // Navigation to the meeting while it is at this step (where the last click left it).
    const reloads: number[] = [];
    let reloadMisses = 0;
    for (let i = 0; i < budget.warmup + budget.iterations && clicks.length && reloadMisses <= 2; i++) {
      const t = await navigate(s, `${s.origin}/#/meeting`, `step:${step}`);
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

/** One action to time: what it should show, and the key press (or typing) that does it. */
type Action = (s: Session, i: number) => Promise<{ wait: Wait; act: () => Promise<void> } | string>;

/**
 * Opens the meeting at `step` and times `action` (warm-up and iterations); a missing control or
 * a change that never shows is a skipped row saying which.
 */
async function measureAction(s: Session, name: string, step: MeetingStep, action: Action): Promise<void> {
  const target: Target = TARGETS.actionShown;
  await navigate(s, `${s.origin}/#/meeting`, 'meeting');
  if ((await markTime(s.page, `step:${step}`, 1000)) === null && (await clickStep(s, step)) === null) {
    s.rows.push(skipped(GROUP, name, `the ${step} step could not be opened`, target));
    return;
  }
  const painted: number[] = [];
  const inDom: number[] = [];
  for (let i = 0; i < s.budget.warmup + p95Samples(s.budget); i++) {
    const prepared = await action(s, i);
    if (typeof prepared === 'string') return void s.rows.push(skipped(GROUP, name, prepared, target));
    const t = await timeAction(s.page, prepared.wait, prepared.act, s.timeout);
    if (t === null) {
      return void s.rows.push(skipped(GROUP, name, `it never showed within ${s.timeout} ms`, target));
    }
    if (i >= s.budget.warmup) {
      painted.push(t.painted);
      inDom.push(t.inDom);
    }
  }
  const note = `input → painted (in the DOM after ${med(inDom)} ms)`;
  s.rows.push(row(GROUP, name, painted, target, { note }));
}

/** Types a note in the retrospective and presses Enter: the note's text shows. */
const retroNote: Action = async (s, i) => {
  // A handle, found before the key press: a locator would look the box up again for each key.
  const box = await s.page
    .getByRole('textbox', { name: /note/i })
    .first()
    .elementHandle({ timeout: 1000 })
    .catch(() => null);
  if (!box) return 'no textbox named “…note…” in the retrospective step';
  const text = `Benchmark note ${i} ${Date.now()}`;
  await box.fill(text);
  return { wait: { kind: 'text', text }, act: () => box.press('Enter') };
};

/** D (or P) on the first sprint goal: its row shows the outcome (done and partial in turn). */
const outcome: Action = async (s) => {
  const goal = await s.page.$('li.goal[data-row]');
  if (!goal) return 'no sprint goal in the retrospective step';
  await goal.focus();
  const value = (await goal.getAttribute('data-outcome')) === 'done' ? 'partial' : 'done';
  return {
    wait: { kind: 'attr', node: goal, name: 'data-outcome', value },
    act: () => s.page.keyboard.press(value === 'done' ? 'd' : 'p'),
  };
};

/** D on the first open polish issue: it leaves the list of open issues. */
const polishDone: Action = async (s) => {
  const issue = await s.page.$('main section.step li.issue[data-row]');
  if (!issue) return 'no open polish issue in the polish step';
  await issue.focus();
  return { wait: { kind: 'gone', node: issue }, act: () => s.page.keyboard.press('d') };
};

/** A title in the plan's “Add a sprint goal” form and Enter: the new goal shows in the plan. */
const sprintGoal: Action = async (s, i) => {
  const title = await s.page
    .getByLabel('Sprint goal', { exact: true })
    .first()
    .elementHandle({ timeout: 1000 })
    .catch(() => null);
  if (!title) return 'no “Sprint goal” field in the plan step';
  const text = `Benchmark goal ${i} ${Date.now()}`;
  await title.fill(text);
  return { wait: { kind: 'text', text }, act: () => title.press('Enter') };
};
