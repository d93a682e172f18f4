import type { Awareness } from "y-protocols/awareness";
import type { Presence } from "./view/status-bar.ts";

/**
 * Everyone on the page from awareness states that carry a `user` with a name: the local user
 * first, then the others by name.
 */
export function presenceOf(awareness: Awareness, selfId: number): Presence[] {
  const people: Presence[] = [];
  awareness.getStates().forEach((state, clientId) => {
    const user = state.user as { name?: string; color?: string } | undefined;
    if (!user?.name) return;
    people.push({ clientId, name: user.name, color: user.color ?? "#999999", isSelf: clientId === selfId });
  });
  return people.sort((a, b) => Number(b.isSelf) - Number(a.isSelf) || a.name.localeCompare(b.name));
}
