/** Which service answers each method of the contract. Inputs arrive already validated. */
import type { Workspace } from '../db/open.ts';
import { describeIssue, type Handlers } from './core.ts';
import { contract, type SyncSummary } from '../../shared/contract.ts';
import { DomainError } from '../services/errors.ts';
import { loadExample } from '../example.ts';
import { listCapacities, setCapacity } from '../services/capacities.ts';
import { createGoal, deleteGoal, getGoal, listGoals, reorderGoals, updateGoal } from '../services/goals.ts';
import {
  createInitiative,
  deleteInitiative,
  getInitiative,
  listInitiatives,
  reorderInitiatives,
  updateInitiative,
} from '../services/initiatives.ts';
import {
  endMeeting,
  getMeetingOfSprint,
  goToStep,
  recordAsMeetingAction,
  startMeeting,
  undoLastAction,
  updateMeeting,
} from '../services/meeting.ts';
import {
  createMilestone,
  deleteMilestone,
  getMilestone,
  listMilestones,
  reorderMilestones,
  updateMilestone,
} from '../services/milestones.ts';
import { createPerson, deletePerson, getPerson, listPeople, updatePerson } from '../services/people.ts';
import {
  createPolish,
  deletePolish,
  getPolish,
  listPolish,
  polishCounts,
  polishPage,
  updatePolish,
} from '../services/polish.ts';
import {
  createActionItem,
  deleteActionItem,
  listActionItems,
  updateActionItem,
} from '../services/action-items.ts';
import {
  createRetroNote,
  deleteRetroNote,
  listRetroNotes,
  updateRetroNote,
  voteRetroNote,
} from '../services/retro-notes.ts';
import {
  carryOverSprintGoal,
  createSprintGoal,
  deleteSprintGoal,
  listSprintGoals,
  reorderSprintGoals,
  updateSprintGoal,
} from '../services/sprint-goals.ts';
import {
  activateSprint,
  closeActiveSprint,
  createNextSprint,
  getSprint,
  listSprints,
  sprintNumbered,
  updateSprint,
} from '../services/sprints.ts';
import { ownership, personView, quickSearch, roadmapView } from '../services/roadmap.ts';
import { itemHistory, setMe, setWorkspaceName, workspaceInfo } from '../services/workspace.ts';
import { mySprintView } from '../services/my-sprint.ts';
import { changeLogVersion } from '../store/version.ts';
import { listConflicts, resolveConflict } from '../services/conflicts.ts';
import { backUpBefore, listWorkspaceBackups, restoreWorkspaceBackup } from '../services/backups.ts';
import { meetingCalendar } from '../calendar/ics.ts';
import { exportRoadmap } from '../markdown/roadmap-export.ts';
import { importRoadmap, previewImport } from '../markdown/roadmap-import.ts';
import { planningView } from '../services/planning.ts';
import { currentMeeting, stepRedraw } from '../services/meeting-redraw.ts';
import { polishView } from '../services/polish-view.ts';
import { retrospectiveView } from '../services/retrospective.ts';
import { sprintsOverview } from '../services/sprint-overview.ts';
import { sprintSummary } from '../markdown/sprint-summary.ts';
import { pollFileName, pollMarkdown } from '../markdown/poll-export.ts';
import {
  createUpdate,
  deleteUpdate,
  draftUpdate,
  editUpdate,
  exportUpdate,
  getUpdate,
  listUpdates,
} from '../services/monthly-updates.ts';
import { importPollResponses, previewPollImport } from '../services/poll-import.ts';
import {
  createPoll,
  deletePoll,
  getPoll,
  listPolls,
  pollView,
  respondToPoll,
  updatePoll,
} from '../services/polls.ts';
import { stakeholdersOverview } from '../services/stakeholders.ts';
import { arrived, markAllSeen, markSeen, unseenItems } from '../services/arrivals.ts';
import { exportChanges, importChanges } from '../sync/changes-file.ts';
import { syncFolder } from '../sync/folder.ts';
import { syncGit } from '../sync/git.ts';
import { setSyncPlace, syncNow, syncPlace, syncStatus } from '../sync/place.ts';
import { peek, placeOf } from '../sync/peek.ts';

const desktopOnly = (what: string): never => {
  throw new DomainError('unsupported', `${what} works in the desktop app only`);
};

/** After joining a workspace, its whole history is where this installation starts: not news. */
function joined(ws: Workspace, summary: SyncSummary): SyncSummary {
  if (summary.joined) markAllSeen(ws);
  return summary;
}

export const handlers: Handlers = {
  'workspace.info': (ws) => workspaceInfo(ws),
  'workspace.loadExample': (ws) => {
    loadExample(ws);
    return workspaceInfo(ws);
  },
  'workspace.setMe': setMe,
  'workspace.version': (ws) => ({ version: changeLogVersion(ws.db) }),
  'mySprint.view': (ws) => mySprintView(ws),
  'workspace.setName': setWorkspaceName,

  'backups.list': (ws) => listWorkspaceBackups(ws),
  'backups.restore': restoreWorkspaceBackup,
  'sync.folder': (ws, { folder }) => joined(ws, syncFolder(ws, folder)),
  'sync.git': (ws, { remote }) => joined(ws, syncGit(ws, remote)),
  'sync.exportChanges': (ws, { file, since }) => exportChanges(ws, file, since),
  'sync.importChanges': (ws, { file }) => joined(ws, importChanges(ws, file)),
  'sync.place': (ws) => syncPlace(ws),
  'sync.setPlace': setSyncPlace,
  'sync.now': (ws) => syncNow(ws),
  'sync.status': (ws) => syncStatus(ws),
  'sync.arrived': (ws) => arrived(ws),
  'sync.unseen': (ws) => unseenItems(ws),
  'sync.markSeen': markSeen,
  'sync.peek': (ws, place) => peek(ws, placeOf(place)),

  'roadmap.view': roadmapView,
  'search.quick': quickSearch,

  'files.saveAs': () => desktopOnly('Saving through a file dialog'),
  'files.open': () => desktopOnly('Opening through a file dialog'),
  'files.choosePath': () => desktopOnly('Choosing a folder or file through a dialog'),

  'people.list': (ws) => listPeople(ws),
  'people.get': (ws, { id }) => getPerson(ws, id),
  'people.create': createPerson,
  'people.update': updatePerson,
  'people.delete': (ws, { id }) => deletePerson(ws, id),
  'people.view': (ws, { id }) => personView(ws, id),
  'people.ownership': (ws) => ownership(ws),

  'stakeholders.overview': (ws) => stakeholdersOverview(ws),

  'polls.list': listPolls,
  'polls.get': (ws, { id }) => pollView(ws, getPoll(ws, id)),
  'polls.create': createPoll,
  'polls.update': updatePoll,
  'polls.delete': (ws, { id }) => deletePoll(ws, id),
  'polls.respond': respondToPoll,
  'polls.previewImport': previewPollImport,
  'polls.importResponses': (ws, input) => {
    backUpBefore(ws, 'import');
    return importPollResponses(ws, input);
  },
  'polls.export': (ws, { id, today }) => {
    const poll = pollView(ws, getPoll(ws, id));
    const asked = poll.askedIds.map((personId) => getPerson(ws, personId).name);
    const day = today ?? ws.now().toISOString().slice(0, 10);
    return { fileName: pollFileName(poll), content: pollMarkdown(poll, asked, day) };
  },

  'updates.list': (ws) => listUpdates(ws),
  'updates.get': (ws, { id }) => getUpdate(ws, id),
  'updates.draft': draftUpdate,
  'updates.create': createUpdate,
  'updates.update': editUpdate,
  'updates.delete': (ws, { id }) => deleteUpdate(ws, id),
  'updates.export': exportUpdate,

  'goals.list': (ws) => listGoals(ws),
  'goals.get': (ws, { id }) => getGoal(ws, id),
  'goals.create': createGoal,
  'goals.update': updateGoal,
  'goals.delete': deleteGoal,
  'goals.reorder': reorderGoals,

  'initiatives.list': listInitiatives,
  'initiatives.get': (ws, { id }) => getInitiative(ws, id),
  'initiatives.create': createInitiative,
  'initiatives.update': updateInitiative,
  'initiatives.delete': deleteInitiative,
  'initiatives.reorder': reorderInitiatives,

  'milestones.list': listMilestones,
  'milestones.get': (ws, { id }) => getMilestone(ws, id),
  'milestones.create': createMilestone,
  'milestones.update': updateMilestone,
  'milestones.delete': (ws, { id }) => deleteMilestone(ws, id),
  'milestones.reorder': reorderMilestones,

  'sprints.list': (ws) => listSprints(ws),
  'sprints.get': (ws, { id }) => getSprint(ws, id),
  'sprints.byNumber': (ws, { number }) => sprintNumbered(ws, number),
  'sprints.createNext': createNextSprint,
  'sprints.update': updateSprint,
  'sprints.closeActive': (ws) => closeActiveSprint(ws),
  'sprints.activate': (ws, { id }) => activateSprint(ws, id),

  'sprintGoals.list': listSprintGoals,
  'sprintGoals.create': createSprintGoal,
  'sprintGoals.update': updateSprintGoal,
  'sprintGoals.delete': (ws, { id }) => deleteSprintGoal(ws, id),
  'sprintGoals.reorder': reorderSprintGoals,
  'sprintGoals.carryOver': carryOverSprintGoal,

  'capacities.list': listCapacities,
  'capacities.set': setCapacity,

  'polish.list': listPolish,
  'polish.page': polishPage,
  'polish.counts': polishCounts,
  'polish.get': (ws, { id }) => getPolish(ws, id),
  'polish.create': createPolish,
  'polish.update': updatePolish,
  'polish.delete': (ws, { id }) => deletePolish(ws, id),

  'retroNotes.list': listRetroNotes,
  'retroNotes.create': createRetroNote,
  'retroNotes.update': updateRetroNote,
  'retroNotes.delete': (ws, { id }) => deleteRetroNote(ws, id),
  'retroNotes.vote': voteRetroNote,

  'actionItems.list': listActionItems,
  'actionItems.create': createActionItem,
  'actionItems.update': updateActionItem,
  'actionItems.delete': (ws, { id }) => deleteActionItem(ws, id),

  'meeting.get': getMeetingOfSprint,
  'meeting.current': currentMeeting,
  'meeting.start': startMeeting,
  'meeting.update': updateMeeting,
  'meeting.goTo': goToStep,
  'meeting.end': (ws, { id }) => endMeeting(ws, id),
  'meeting.act': (ws, { id, method, input, redraw }) => {
    const meeting = recordAsMeetingAction(ws, id, method);
    const parsed = contract[method].input.safeParse(input);
    if (!parsed.success) {
      const { code, message, field } = describeIssue(parsed.error.issues[0]!, input);
      // The method's own input sits under `input`: name its fields from there.
      throw new DomainError(code, field ? `input.${message}` : message, field && `input.${field}`);
    }
    const value = (handlers[method] as (ws: Workspace, input: unknown) => unknown)(ws, parsed.data);
    return { value, redraw: redraw ? stepRedraw(ws, meeting, redraw) : null };
  },
  'meeting.undo': (ws, { id }) => {
    const { undone, meeting } = undoLastAction(ws, id);
    return { undone, meeting, redraw: undone ? stepRedraw(ws, meeting, meeting.step) : null };
  },

  'conflicts.list': (ws) => listConflicts(ws),
  'conflicts.resolve': resolveConflict,
  'history.list': itemHistory,

  'roadmap.export': (ws, { variant }) => ({
    files: [...exportRoadmap(ws, variant)].map(([path, content]) => ({ path, content })),
  }),
  'roadmap.previewImport': (ws, { files, keepMissing }) => previewImport(ws, files, { keepMissing }),
  'roadmap.import': (ws, { files, keepMissing }) => {
    backUpBefore(ws, 'import');
    return importRoadmap(ws, files, { keepMissing });
  },

  'retrospective.view': (ws, input) => retrospectiveView(ws, input),
  'polish.view': polishView,
  'planning.view': planningView,
  'sprints.summary': (ws, { sprintId }) => sprintSummary(ws, sprintId),
  'sprints.overview': (ws) => sprintsOverview(ws),
  'calendar.export': (ws) => meetingCalendar(ws),
};
