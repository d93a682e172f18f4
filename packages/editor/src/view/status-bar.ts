import { format, type Messages } from "../i18n/messages.ts";

/**
 * The status bar under the toolbar: the connection indicator (`data-connection` on the bar is
 * `connecting`, `connected`, `disconnected`, `denied` or `not-found`), a read-only notice for
 * viewers, and the presence list of everyone on the page with their cursor colour. When the
 * connection is lost after the page was loaded, a banner that cannot be missed (`.galley-offline`,
 * `role="alert"`) says so and counts the changes made here that the server does not have yet.
 */

/** The connection as the editor sees it. */
export type ConnectionState = "connecting" | "connected" | "disconnected" | "denied" | "not-found";

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
  /** The offline banner; the host places it (mountEditor puts it above the toolbar). */
  readonly banner: HTMLElement;
  private readonly connection: HTMLElement;
  private readonly readOnly: HTMLElement;
  private readonly loading: HTMLElement;
  private readonly presence: HTMLUListElement;
  private readonly bannerTitle: HTMLElement;
  private readonly bannerText: HTMLElement;
  private messages: Messages;
  private state: ConnectionState = "connecting";
  private people: Presence[] = [];
  private pending = 0;

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
    this.banner = document.createElement("div");
    this.banner.className = "galley-offline";
    this.banner.setAttribute("role", "alert");
    this.banner.hidden = true;
    this.bannerTitle = document.createElement("strong");
    this.bannerText = document.createElement("span");
    this.banner.append(this.bannerTitle, this.bannerText);
    this.setConnection("connecting");
  }

  /** Shows the connection state. */
  setConnection(state: ConnectionState): void {
    this.state = state;
    this.dom.dataset.connection = state;
    const key = state === "not-found" ? "connection.notFound" : (`connection.${state}` as const);
    this.connection.textContent = this.messages[key];
  }

  /**
   * Shows or hides the offline banner: `offline` when the connection dropped after the page was
   * loaded; `pending` the number of changes made here that the server does not have yet.
   */
  setOffline(offline: boolean, pending: number): void {
    this.pending = pending;
    this.banner.hidden = !offline;
    this.banner.dataset.pending = String(pending);
    this.bannerTitle.textContent = this.messages["offline.title"];
    this.bannerText.textContent =
      pending > 0
        ? format(this.messages["offline.pending"], { count: pending })
        : this.messages["offline.nothing"];
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
    this.setOffline(!this.banner.hidden, this.pending);
  }
}
