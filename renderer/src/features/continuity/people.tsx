/** The org's people, for every person picker in continuity (owners, dependencies, steps, call tree). */
import { useMemo } from 'react';
import type { Person } from '../../../../shared/org';
import { useQuery } from '../../api';

export interface PeopleList {
  /** Everyone, open roles included (names of past picks must still show). */
  all: Person[];
  /** Who can take a role: not an open role, by name. */
  pickable: Person[];
  byId: Map<string, Person>;
  error: string | null;
}

export function usePeople(): PeopleList {
  const query = useQuery('org.listPeople', { departmentId: null });
  return useMemo(() => {
    const all = query.data ?? [];
    const pickable = all.filter((p) => p.status === 'active').sort((a, b) => a.name.localeCompare(b.name));
    return { all, pickable, byId: new Map(all.map((p) => [p.id, p])), error: query.error };
  }, [query.data, query.error]);
}

/** A person as an option's text: name, then title, so two Sams can be told apart. */
export function personText(p: Person): string {
  return p.title ? `${p.name} — ${p.title}` : p.name;
}

/** Options for a <select> of people valued by id; `except` ones are left out. */
export function PersonOptions({ people, except }: { people: readonly Person[]; except?: ReadonlySet<string> }) {
  return people
    .filter((p) => !except?.has(p.id))
    .map((p) => (
      <option key={p.id} value={p.id}>
        {personText(p)}
      </option>
    ));
}
