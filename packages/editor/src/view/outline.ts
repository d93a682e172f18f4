import type { EditorState } from "prosemirror-state";
import { format, type Messages } from "../i18n/messages.ts";
import { articleCards } from "../plugins/article-cards.ts";
import { doubtKey } from "../plugins/doubt.ts";
import type { Presence } from "./status-bar.ts";

/**
 * The outline of the page: one entry per article, in page order, with its number and colour,
 * its headline (or "No headline"), its status, how many doubtful places it holds (the F8 round's)
 * and who has their cursor in it. Picking an entry puts the caret at the article's start and
 * scrolls the editor to it. `data-article-id`, `data-status` and `data-doubts` on each entry.
 */
export class Outline {
  /** The outline element (a list). */
  readonly dom: HTMLElement;
  private messages: Messages;
  private key = "";

  constructor(
    messages: Messages,
    private readonly onPick: (articlePos: number) => void,
  ) {
    this.messages = messages;
    this.dom = document.createElement("ol");
    this.dom.className = "galley-outline";
  }

  /** Redraws from the state and who is where (person → article id); cheap when nothing changed. */
  update(state: EditorState, people: readonly Presence[], whereabouts: ReadonlyMap<number, string>): void {
    const places = doubtKey.getState(state)?.places ?? [];
    const cards = articleCards(state.doc);
    const entries = cards.map((card) => {
      const end = card.pos + state.doc.nodeAt(card.pos)!.nodeSize;
      const doubts = places.filter((p) => p.from > card.pos && p.from < end).length;
      const here = people.filter((p) => whereabouts.get(p.clientId) === card.id);
      return { card, doubts, here };
    });
    const key = JSON.stringify([
      this.messages["outline.label"],
      entries.map((e) => [e.card, e.doubts, e.here.map((p) => [p.clientId, p.name, p.color])]),
    ]);
    if (key === this.key) return;
    this.key = key;
    this.dom.setAttribute("aria-label", this.messages["outline.label"]);
    if (entries.length === 0) {
      const empty = document.createElement("li");
      empty.className = "galley-outline-empty";
      empty.textContent = this.messages["outline.empty"];
      this.dom.replaceChildren(empty);
      return;
    }
    this.dom.replaceChildren(
      ...entries.map(({ card, doubts, here }) => {
        const li = document.createElement("li");
        li.dataset.articleId = card.id;
        li.dataset.status = card.status;
        li.dataset.doubts = String(doubts);
        li.style.setProperty("--galley-article", card.color);
        const button = document.createElement("button");
        button.type = "button";
        const number = document.createElement("span");
        number.className = "galley-outline-number";
        number.textContent = String(card.number);
        const title = document.createElement("span");
        title.className = "galley-outline-title";
        title.textContent = card.headline ?? this.messages["card.noHeadline"];
        if (!card.headline) title.classList.add("galley-card-untitled");
        const status = document.createElement("span");
        status.className = "galley-outline-status";
        status.textContent = this.messages[`status.${card.status}`];
        button.append(number, title, status);
        if (doubts > 0) {
          const count = document.createElement("span");
          count.className = "galley-outline-doubts";
          count.textContent = format(this.messages["outline.doubts"], { count: doubts });
          button.append(count);
        }
        button.addEventListener("click", () => this.onPick(card.pos));
        li.append(button);
        if (here.length > 0) {
          const who = document.createElement("ul");
          who.className = "galley-outline-people";
          for (const person of here) {
            const p = document.createElement("li");
            p.style.setProperty("--galley-user", person.color);
            p.textContent = person.isSelf
              ? format(this.messages["presence.you"], { name: person.name })
              : person.name;
            who.append(p);
          }
          li.append(who);
        }
        return li;
      }),
    );
  }

  /** Switches the labels to another catalogue (redrawn on the next update). */
  setMessages(messages: Messages): void {
    this.messages = messages;
    this.key = "";
  }
}
