/**
 * The roadmap as Markdown, in the format working groups publish (an mdBook-style folder):
 *
 * - `roadmap.md`: `# Roadmap`, the state legend, the overview table
 *   `| Deliverable | State | Progress | [Owner] |` (a `🔻` row per goal, a `&nbsp;&nbsp;↳` row
 *   per initiative), then the reference definitions of its links and of the owners' profiles;
 * - `roadmap/<goal>.md` per goal: `# Title`, a State / Progress / Owners list, `## Impact`,
 *   `## 🛠️ How to Help`, `## Initiatives` (a table linking each initiative's page);
 * - `roadmap/<goal>/<initiative>.md` per initiative: `# Title`, a Goal / State / Progress /
 *   Link / Owners / Depends on list, `## Impact`, `## Features`, `## Milestones`
 *   (`| Milestone | Status | Key participants |`, plus `Depends on` when any milestone has
 *   dependencies: links whose text is the milestone and whose target is its initiative).
 *
 * The single-file variant is one `roadmap.md`: the same overview (linking the sections), then a
 * `## 🔻 Goal` section per goal with `### ↳ Initiative` sections, each a level deeper.
 *
 * Everything is deterministic (goal, initiative and milestone order; people sorted), file names
 * are slugs of the titles (see `slug.ts`), every file ends with one newline — so re-exporting
 * into a git checkout gives a diff of what changed. Sections with nothing to say are left out.
 * Milestones' target sprints are not exported: they name sprints of this workspace's schedule,
 * which an import into another workspace could not recreate.
 */
import { STATE_EMOJI } from '../../shared/domain.ts';
import { progressBar } from '../../shared/words.ts';
import type { Workspace } from '../db/open.ts';
import { inline, linkText } from './escape.ts';
import {
  goalBody,
  initiativeBody,
  overview,
  peopleList,
  personInline,
  top,
  type LinkTo,
} from './export/bodies.ts';
import { ROOT_FILE, SECTION, file, table, type RoadmapVariant } from './export/format.ts';
import { goalFile, initiativeFile, readModel, relative, type Model } from './export/model.ts';
import { References } from './export/references.ts';
import { single } from './export/single-file.ts';

export type { RoadmapVariant };

function folder(model: Model): Map<string, string> {
  const files = new Map<string, string>();
  const refs = new References();
  const overviewTable = overview(
    model,
    refs,
    (g) => relative(ROOT_FILE, goalFile(g)),
    (g, x) => relative(ROOT_FILE, initiativeFile(g, x)),
  );
  files.set(ROOT_FILE, file(top(overviewTable, refs)));

  for (const g of model.goals) {
    const from = goalFile(g);
    const blocks = [`# ${inline(g.goal.title)}`, ...goalBody(model, g, 2)];
    if (g.initiatives.length) {
      const rows = g.initiatives.map((x) => [
        `[${linkText(x.initiative.title)}](${relative(from, initiativeFile(g, x))})`,
        STATE_EMOJI[x.initiative.state],
        progressBar(x.initiative.progress),
        peopleList(model, x.initiative.ownerIds, personInline),
      ]);
      blocks.push(`## ${SECTION.initiatives}`, table(['Initiative', 'State', 'Progress', 'Owner'], rows));
    }
    files.set(from, file(blocks));

    for (const x of g.initiatives) {
      const page = initiativeFile(g, x);
      const linkTo: LinkTo = (t) =>
        relative(page, t.initiative ? initiativeFile(t.goal, t.initiative) : goalFile(t.goal));
      files.set(page, file([`# ${inline(x.initiative.title)}`, ...initiativeBody(model, g, x, 2, linkTo)]));
    }
  }
  return files;
}

/** The roadmap's files (path → content), in path order. */
export function exportRoadmap(ws: Workspace, variant: RoadmapVariant): Map<string, string> {
  const model = readModel(ws);
  const files = variant === 'folder' ? folder(model) : single(model);
  return new Map([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
