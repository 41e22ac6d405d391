/** The group's work between two meetings: the roadmap grows and moves, polish is filed and done. */
import { updateActionItem } from '../src/main/services/action-items.ts';
import { createGoal, updateGoal } from '../src/main/services/goals.ts';
import { createInitiative, updateInitiative } from '../src/main/services/initiatives.ts';
import { createMilestone, updateMilestone } from '../src/main/services/milestones.ts';
import { createPolish, updatePolish } from '../src/main/services/polish.ts';
import type { PolishSize } from '../src/shared/domain.ts';
import { share } from './plan.ts';
import { bullets, goalTitle, initiativeTitle, issueLink, paragraph, taskTitle } from './random.ts';
import { valid, type PolishPlan, type Simulation } from './simulation.ts';

/** The goals, initiatives and milestones the schedule creates in sprint `s`. */
export function createRoadmapItems(sim: Simulation, s: number): void {
  const { ws, r, at, spread, goals, initiatives, milestones, people, schedule } = sim;
  for (const goal of goals) {
    if (goal.createdIn !== s) continue;
    schedule(at(s, 0, 9, goal.index % 60), () => {
      goal.id = createGoal(
        ws,
        valid('goals.create', {
          title: goalTitle(r, goal.index),
          impact: bullets(r, r.int(2, 4)),
          howToHelp: r.chance(0.5) ? paragraph(r, 2) : '',
          ownerIds: goal.owners.map((o) => people[o]!),
          state: 'in progress',
        }),
      ).id;
    });
  }
  for (const initiative of initiatives) {
    if (initiative.createdIn !== s) continue;
    schedule(spread(s, 0, 10, 12, initiative.index, initiatives.length), () => {
      initiative.id = createInitiative(
        ws,
        valid('initiatives.create', {
          goalId: initiative.goal.id!,
          title: initiativeTitle(r, initiative.index),
          impact: bullets(r, r.int(1, 3)),
          features: paragraph(r, r.int(1, 3)),
          link: r.chance(0.6) ? `https://github.com/lang/rfcs/pull/${r.int(100, 9999)}` : null,
          state: 'in progress',
          ownerIds: initiative.owners.map((o) => people[o]!),
          dependsOnIds: initiative.dependsOn?.id ? [initiative.dependsOn.id] : [],
        }),
      ).id;
    });
  }
  milestones.forEach((milestone, i) => {
    if (milestone.createdIn !== s) return;
    schedule(spread(s, 1, 9, 17, i, milestones.length), () => {
      const started = milestone.startIn === s;
      milestone.id = createMilestone(
        ws,
        valid('milestones.create', {
          initiativeId: milestone.initiative.id!,
          title: taskTitle(r),
          state: started ? 'in progress' : 'help wanted',
          participantIds: started ? milestone.participants.map((p) => people[p]!) : [],
          dependsOnIds: milestone.dependsOn?.id ? [milestone.dependsOn.id] : [],
        }),
      ).id;
    });
  });
}

/** Between meetings: roadmap changes, polish filed and done, action items done. */
export function work(sim: Simulation, s: number): void {
  const {
    ws,
    r,
    plan,
    n,
    at,
    spread,
    goals,
    initiatives,
    milestones,
    people,
    schedule,
    runEvents,
    polishBySprint,
    actionsDoneIn,
    addTo,
  } = sim;
  if (s > 1) createRoadmapItems(sim, s);
  milestones.forEach((m, i) => {
    if (m.startIn === s && m.createdIn < s) {
      schedule(at(s, 2, 10, i % 60), () =>
        updateMilestone(
          ws,
          valid('milestones.update', {
            id: m.id!,
            participantIds: m.participants.map((p) => people[p]!),
            state: 'in progress',
          }),
        ),
      );
    }
    if (m.doneIn === s) {
      schedule(spread(s, 5, 9, 17, i, milestones.length), () =>
        updateMilestone(ws, valid('milestones.update', { id: m.id!, state: 'done' })),
      );
    }
  });
  for (const initiative of initiatives) {
    const state = initiative.doneIn === s ? 'done' : initiative.pausedIn === s ? 'paused' : null;
    if (state) {
      schedule(at(s, 6, 9, initiative.index % 60), () =>
        updateInitiative(ws, valid('initiatives.update', { id: initiative.id!, state })),
      );
    }
  }
  for (const goal of goals) {
    if (goal.doneIn === s) {
      schedule(at(s, 6, 11, goal.index % 60), () =>
        updateGoal(ws, valid('goals.update', { id: goal.id!, state: 'done' })),
      );
    }
  }

  // Polish: this sprint's share filed, earlier ones taken up and resolved.
  const filed = share(plan.polish, n, s - 1);
  const goalsSoFar = goals.filter((g) => g.createdIn <= s);
  for (let i = 0; i < filed; i++) {
    const assignee = r.chance(0.7) ? r.int(0, plan.people - 1) : null;
    const inProgress = assignee !== null && r.chance(0.1);
    const goal = goalsSoFar.length && r.chance(0.55) ? r.pick(goalsSoFar) : null;
    const resolvedIn = r.chance(0.03) ? null : s + r.geometric(0.3);
    const polish: PolishPlan = { id: '', assignee, resolvedIn, wontFix: r.chance(0.07) };
    if (resolvedIn !== null && resolvedIn <= n) addTo(polishBySprint, resolvedIn, polish);
    schedule(spread(s, 1, 8, 8 + 24 * 4, i, filed), () => {
      polish.id = createPolish(
        ws,
        valid('polish.create', {
          title: taskTitle(r),
          link: r.chance(0.85) ? issueLink(r) : null,
          goalId: goal?.id ?? null,
          assigneeId: assignee === null ? null : people[assignee]!,
          size: r.weighted<PolishSize | null>([
            ['S', 5],
            ['M', 3],
            ['L', 1],
            [null, 1],
          ]),
          status: inProgress ? 'in progress' : 'open',
        }),
      ).id;
    });
  }
  (polishBySprint.get(s) ?? []).forEach((issue, i) => {
    if (issue.assignee !== null && r.chance(0.2)) {
      schedule(at(s, 6, 8, i % 60), () =>
        updatePolish(ws, valid('polish.update', { id: issue.id, status: 'in progress' })),
      );
    }
    schedule(at(s, 7, 8 + (i % 10), (i * 11) % 60), () =>
      updatePolish(
        ws,
        valid('polish.update', { id: issue.id, status: issue.wontFix ? "won't fix" : 'done' }),
      ),
    );
  });
  (actionsDoneIn.get(s) ?? []).forEach((id, i) => {
    schedule(at(s, 3, 10 + (i % 6), i % 60), () =>
      updateActionItem(ws, valid('actionItems.update', { id, status: 'done' })),
    );
  });
  runEvents();
}
