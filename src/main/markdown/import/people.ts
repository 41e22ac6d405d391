/**
 * The people an import names, matched to the workspace's: by handle, else by name — a name the
 * files also give with a profile link is that person, and someone without a handle who has a
 * name the files give a handle gets it.
 */
import { LIMITS, type Person } from '../../../shared/domain.ts';
import type { ImportProblem, PersonRef, Where } from '../roadmap-read.ts';
import { norm } from '../read/overview.ts';

export interface PlannedPerson {
  existing: Person | null;
  id: string | null;
  name: string;
  handle: string | null;
  owner: boolean;
  /** A handle to give an existing person who had none. */
  setHandle: boolean;
}

export class People {
  readonly planned: PlannedPerson[] = [];
  private readonly byHandle = new Map<string, PlannedPerson>();
  private readonly existing: Person[];
  /** Names the files give handles (`[Gus Wynn](https://github.com/gwynn)`), and the reverse. */
  private readonly names = new Map<string, string>();
  private readonly handles = new Map<string, string>();
  constructor(existing: Person[], seen: readonly PersonRef[]) {
    this.existing = existing;
    for (const ref of seen) {
      if (!ref.handle || !ref.name || ref.name === ref.handle) continue;
      if (!this.names.has(ref.handle.toLowerCase())) this.names.set(ref.handle.toLowerCase(), ref.name);
      if (!this.handles.has(norm(ref.name))) this.handles.set(norm(ref.name), ref.handle);
    }
  }

  /** The planned person a reference names (created in the plan on first sight). */
  resolve(ref: PersonRef, owner: boolean): PlannedPerson {
    const found = ref.handle ? this.withHandle(ref) : this.withName(ref);
    if (owner) found.owner = true;
    return found;
  }

  private add(person: Omit<PlannedPerson, 'owner' | 'setHandle' | 'id'>): PlannedPerson {
    const planned: PlannedPerson = {
      ...person,
      owner: false,
      setHandle: false,
      id: person.existing?.id ?? null,
    };
    if (planned.handle) this.byHandle.set(planned.handle.toLowerCase(), planned);
    this.planned.push(planned);
    return planned;
  }

  private withHandle(ref: PersonRef): PlannedPerson {
    const handle = ref.handle!;
    const key = handle.toLowerCase();
    const known = this.byHandle.get(key);
    const name = ref.name && ref.name !== handle ? ref.name : (this.names.get(key) ?? null);
    if (known) {
      if (!known.existing && name && known.name === known.handle) known.name = name;
      return known;
    }
    const existing = this.existing.find((p) => p.handle?.toLowerCase() === key);
    if (existing) return this.add({ existing, name: existing.name, handle: existing.handle });
    // Someone without a handle who has this name gets the handle.
    const named = name
      ? (this.planned.find((p) => !p.handle && norm(p.name) === norm(name)) ??
        this.addExisting(this.existing.find((p) => !p.handle && norm(p.name) === norm(name))))
      : null;
    if (named && !named.handle) {
      named.handle = handle;
      named.setHandle = named.existing !== null;
      this.byHandle.set(key, named);
      return named;
    }
    return this.add({ existing: null, name: name ?? handle, handle });
  }

  private addExisting(person: Person | undefined): PlannedPerson | null {
    if (!person) return null;
    return (
      this.planned.find((p) => p.existing?.id === person.id) ??
      this.add({ existing: person, name: person.name, handle: person.handle })
    );
  }

  private withName(ref: PersonRef): PlannedPerson {
    const key = norm(ref.name);
    // A bare name the files also give with a profile link is that person.
    const handle = ref.plain ? this.handles.get(key) : undefined;
    if (handle) return this.withHandle({ ...ref, handle, plain: false });
    // Names in italics are people without a handle; a bare name may be anyone's.
    const fits = (p: { handle: string | null; name: string }) =>
      norm(p.name) === key && (ref.plain || !p.handle);
    const planned = this.planned.find((p) => !p.handle && fits(p)) ?? this.planned.find(fits);
    if (planned) return planned;
    const existing = this.existing.find((p) => !p.handle && fits(p)) ?? this.existing.find(fits);
    if (existing) return this.addExisting(existing)!;
    return this.add({ existing: null, name: ref.name, handle: null });
  }
}

export function ownerIds(
  people: People,
  refs: PersonRef[] | undefined,
  owner: boolean,
  what: string,
  at: Where,
  problems: ImportProblem[],
): { ids: string[] | undefined; planned: PlannedPerson[] | undefined } {
  if (!refs) return { ids: undefined, planned: undefined };
  const planned: PlannedPerson[] = [];
  for (const ref of refs) {
    const p = people.resolve(ref, owner);
    if (!planned.includes(p)) planned.push(p);
  }
  if (planned.length > LIMITS.list) {
    problems.push({
      ...at,
      message: `${what} names more than ${LIMITS.list} people: only the first ${LIMITS.list} kept`,
    });
    planned.length = LIMITS.list;
  }
  return { ids: planned.map((p) => p.id ?? `new:${people.planned.indexOf(p)}`), planned };
}
