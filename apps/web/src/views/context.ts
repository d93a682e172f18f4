import type { Me } from "../api.ts";
import type { I18n } from "../i18n/i18n.ts";
import type { Route } from "../router.ts";

/** What every view gets: language, who is signed in, and navigation. */
export interface ViewContext {
  i18n: I18n;
  me: Me;
  navigate(route: Route): void;
}

/** A mounted view; `destroy` releases what it holds (sockets, listeners). */
export interface MountedView {
  /** Learns who is signed in, for a view mounted before the answer came. */
  setMe?(me: Me): void;
  /** Re-labels the view after a language switch. */
  relabel?(): void;
  destroy(): void;
}
