/**
 * What reading a roadmap's files gives: its goals with their initiatives and milestones, the
 * people named in it and the problems met — plain data, before anything is matched against a
 * workspace. `undefined` in a field means "not said in the files".
 */
import type { State } from '../../../shared/domain.ts';

export interface Where {
  file: string;
  line: number;
}
export interface ImportProblem extends Where {
  message: string;
}
export interface PersonRef {
  handle: string | null;
  name: string;
  /** A bare name in a hand-written cell: it may be the name of someone with a handle. */
  plain: boolean;
  at: Where;
}
/** A reference to an initiative (by page file or in-page anchor, else by title), and maybe one of its milestones. */
export interface DependencyRef {
  file: string | null;
  anchor: string | null;
  /** The text of the link: the initiative's title, or the milestone's. */
  text: string;
  at: Where;
}
/** `undefined` means "not said in the files": an update leaves the field alone. */
export interface ReadMilestone {
  title: string;
  state: State | undefined;
  participants: PersonRef[] | undefined;
  dependsOn: DependencyRef[] | undefined;
  at: Where;
}
export interface ReadInitiative {
  title: string;
  state: State | undefined;
  progress: number | undefined;
  owners: PersonRef[] | undefined;
  link: string | null | undefined;
  impact: string | undefined;
  features: string | undefined;
  milestones: ReadMilestone[] | undefined;
  dependsOn: DependencyRef[] | undefined;
  /** Where its details were read: a file, or a section of the single file (its anchor). */
  file: string | null;
  anchor: string | null;
  at: Where;
}
export interface ReadGoal {
  title: string;
  state: State | undefined;
  progress: number | undefined;
  owners: PersonRef[] | undefined;
  impact: string | undefined;
  howToHelp: string | undefined;
  initiatives: ReadInitiative[];
  file: string | null;
  at: Where;
}
export interface ReadRoadmap {
  goals: ReadGoal[];
  problems: ImportProblem[];
  /** Every reference to a person in the files, used or not (e.g. where the overview won): names for handles. */
  people: PersonRef[];
}

/** The files can't be read as a roadmap at all (no roadmap.md, no overview table). */
export class UnreadableRoadmap extends Error {
  readonly file: string;
  readonly line: number;
  readonly index: number;
  constructor(file: string, line: number, index: number, message: string) {
    super(`${file}, line ${line}: ${message}`);
    this.file = file;
    this.line = line;
    this.index = index;
  }
}
