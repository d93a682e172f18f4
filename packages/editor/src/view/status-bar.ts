import { format, type Messages } from "../i18n/messages.ts";

/**
 * The status bar under the toolbar: the connection indicator (`data-connection` on the bar is
 * `connecting`, `connected`, `disconnected` or `denied`), a read-only notice for viewers, and
 * the presence list of everyone on the page with their cursor colour.
 */

/** The connection as the editor sees it. */
export type ConnectionState = "connecting" | "connected" | "disconnected" | "denied";

/** Someone on the page, from awareness. */
export interface Presence {
  clientId: number;
  name: string;
  color: string;
  isSelf: boolean;
}

/** The status bar of one editor. */
export class StatusBar {
  /** The bar element. */
  readonly dom: HTMLElement;
  private readonly connection: HTMLElement;
  private readonly readOnly: HTMLElement;
  private readonly loading: HTMLElement;
  private readonly presence: HTMLUListElement;
  private messages: Messages;
  private state: ConnectionState = "connecting";
  private people: Presence[] = [];

  constructor(messages: Messages) {
    this.messages = messages;
    this.dom = document.createElement("div");
    this.dom.className = "galley-status";
    this.connection = document.createElement("span");
    this.connection.className = "galley-connection";
    this.connection.setAttribute("role", "status");
    this.loading = document.createElement("span");
    this.loading.className = "galley-loading";
    this.readOnly = document.createElement("span");
    this.readOnly.className = "galley-readonly";
    this.readOnly.hidden = true;
    this.presence = document.createElement("ul");
    this.presence.className = "galley-presence";
    this.dom.append(this.connection, this.loading, this.readOnly, this.presence);
    this.setConnection("connecting");
  }

  /** Shows the connection state. */
  setConnection(state: ConnectionState): void {
    this.state = state;
    this.dom.dataset.connection = state;
    this.connection.textContent = this.messages[`connection.${state}`];
  }

  /** Shows or hides the "loading" note (until the first sync). */
  setLoading(loading: boolean): void {
    this.loading.hidden = !loading;
    this.loading.textContent = this.messages["sync.loading"];
  }

  /** Shows or hides the read-only notice. */
  setReadOnly(readOnly: boolean): void {
    this.readOnly.hidden = !readOnly;
    this.dom.dataset.readonly = String(readOnly);
    this.readOnly.textContent = this.messages["readonly.notice"];
  }

  /** Lists who is on the page. */
  setPresence(people: Presence[]): void {
    this.people = people;
    this.presence.setAttribute("aria-label", this.messages["presence.label"]);
    this.presence.replaceChildren(
      ...people.map((p) => {
        const li = document.createElement("li");
        li.dataset.clientId = String(p.clientId);
        li.style.setProperty("--galley-user", p.color);
        li.textContent = p.isSelf ? format(this.messages["presence.you"], { name: p.name }) : p.name;
        return li;
      }),
    );
  }

  /** Switches the labels to another catalogue. */
  setMessages(messages: Messages): void {
    this.messages = messages;
    this.setConnection(this.state);
    this.setReadOnly(!this.readOnly.hidden);
    this.loading.textContent = messages["sync.loading"];
    this.setPresence(this.people);
  }
}
