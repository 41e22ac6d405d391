/**
 * Ids made from an item's natural key, so two replicas that create "the same" item offline —
 * sprint 12, Ada's capacity in sprint 12, sprint 12's meeting, the carried-over copy of a sprint
 * goal, a stakeholder's answer to a poll, the update of a month, the workspace's own details — make one item, whose fields then
 * merge, rather than two.
 */
import { v5 as uuidv5 } from 'uuid';

/** The namespace of Fortnight's natural ids (a fixed, random UUID). */
const NAMESPACE = '6f1c2b7e-3d4a-4c8e-9a51-2e7b0d9f4c13';

export const sprintIdFor = (number: number): string => uuidv5(`sprint/${number}`, NAMESPACE);
export const capacityIdFor = (sprintId: string, personId: string): string =>
  uuidv5(`capacity/${sprintId}/${personId}`, NAMESPACE);
export const meetingIdFor = (sprintId: string): string => uuidv5(`meeting/${sprintId}`, NAMESPACE);
export const carriedOverIdFor = (originalId: string): string =>
  uuidv5(`carried-over/${originalId}`, NAMESPACE);
export const pollResponseIdFor = (pollId: string, personId: string): string =>
  uuidv5(`poll-response/${pollId}/${personId}`, NAMESPACE);
export const monthlyUpdateIdFor = (month: string): string => uuidv5(`monthly-update/${month}`, NAMESPACE);
/** The one row of the workspace's details (its name): the same id in every workspace and replica. */
export const workspaceDetailsId = (): string => uuidv5('workspace', NAMESPACE);
