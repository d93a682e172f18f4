import { locales } from "@galley/editor";
import { ApiError, createSession, fetchMe, type Me } from "./api.ts";
import { I18n } from "./i18n/i18n.ts";
import { matchRoute, type Route, routePath, takeToken } from "./router.ts";
import "./style.css";
import type { MountedView, ViewContext } from "./views/context.ts";
import { el } from "./views/dom.ts";
import { mountIssueView } from "./views/issue-view.ts";
import { mountIssuesView } from "./views/issues-view.ts";
import { mountPageView } from "./views/page-view.ts";

/**
 * The newsroom app's entry: signs in (a `?token=` in the URL is exchanged for a session cookie
 * and dropped from the address bar — but one that would replace the account already signed in
 * is used only when the person says so), then shows the view for the path and keeps in-app
 * links on the History API.
 */

const localeNames: Record<(typeof locales)[number], string> = { en: "English", "zh-CN": "中文（简体）" };

/**
 * Who is signed in, after using a `?token=` link. The server trades a link itself unless the
 * browser is signed in as someone else already; then the link reaches here and is used only if
 * `confirmSwitch` says so — a link from another site must not silently swap the account (login
 * CSRF). A link the server refuses (used already, or expired) is reported in `linkRefused`:
 * the sign-in form, or a notice over the app when a session still holds, says so.
 */
async function signIn(
  confirmSwitch: (current: Me) => Promise<boolean>,
): Promise<{ me: Me | null; linkRefused: boolean }> {
  const taken = takeToken(location.href);
  const linkRefused = false;
  if (taken) {
    history.replaceState(history.state, "", taken.cleanUrl);
    const current = await fetchMe().catch(() => null);
    if (current && !(await confirmSwitch(current))) return { me: current, linkRefused: false };
    try {
      await createSession(taken.token);
    } catch (error) {
      return { me: current, linkRefused: error instanceof ApiError && error.status === 401 };
    }
  }
  try {
    return { me: await fetchMe(), linkRefused };
  } catch (error) {
    if (error instanceof ApiError && (error.status === 401 || error.status === 403))
      return { me: null, linkRefused };
    throw error;
  }
}

function header(i18n: I18n, me: Me | null): HTMLElement {
  const select = el("select", { id: "locale", "aria-label": i18n.t("app.language") });
  for (const locale of locales) {
    const option = el("option", { value: locale }, localeNames[locale]);
    option.selected = locale === i18n.locale;
    select.append(option);
  }
  select.addEventListener("change", () => i18n.set(select.value as (typeof locales)[number]));
  return el(
    "header",
    { class: "app-header" },
    el("a", { href: "/", class: "brand" }, i18n.t("app.title")),
    el("nav", {}, el("a", { href: "/" }, i18n.t("nav.issues"))),
    el(
      "span",
      { class: "who" },
      me ? i18n.t("signin.as", { name: me.user, role: i18n.t(`role.${me.role}`) }) : "",
    ),
    select,
  );
}

/** Asks whether a sign-in link may replace the account signed in now; resolves with the answer. */
function confirmSwitch(main: HTMLElement, i18n: I18n, current: Me): Promise<boolean> {
  return new Promise((resolve) => {
    const stay = el(
      "button",
      { type: "button", class: "stay" },
      i18n.t("signin.stay", { name: current.user }),
    );
    const change = el("button", { type: "button", class: "switch" }, i18n.t("signin.switch"));
    stay.addEventListener("click", () => resolve(false));
    change.addEventListener("click", () => resolve(true));
    main.replaceChildren(
      el(
        "section",
        { class: "signin switch-account", role: "alertdialog", "aria-labelledby": "switch-title" },
        el("h1", { id: "switch-title" }, i18n.t("signin.switchTitle")),
        el("p", {}, i18n.t("signin.switchExplain", { name: current.user, role: current.role })),
        stay,
        change,
      ),
    );
    stay.focus();
  });
}

function signInForm(main: HTMLElement, i18n: I18n, failed: boolean, linkRefused = false): void {
  const input = el("input", {
    type: "password",
    id: "token",
    autocomplete: "off",
    "aria-label": i18n.t("signin.token"),
  });
  const form = el(
    "form",
    { class: "signin" },
    el("h1", {}, i18n.t("signin.title")),
    el("p", {}, i18n.t("signin.explain")),
    linkRefused ? el("p", { class: "error", role: "alert" }, i18n.t("signin.linkUsed")) : null,
    failed ? el("p", { class: "error", role: "alert" }, i18n.t("signin.failed")) : null,
    el("label", { for: "token" }, i18n.t("signin.token")),
    input,
    el("button", { type: "submit" }, i18n.t("signin.submit")),
  );
  form.addEventListener("submit", (e) => {
    e.preventDefault();
    createSession(input.value.trim()).then(
      () => location.reload(),
      () => signInForm(main, i18n, true),
    );
  });
  main.replaceChildren(form);
}

async function start(): Promise<void> {
  const root = document.getElementById("app")!;
  const i18n = I18n.fromBrowser();
  document.documentElement.lang = i18n.locale;
  const main = el("main", {});
  let me: Me | null = null;
  let view: MountedView | null = null;
  let route: Route = matchRoute(location.pathname);
  let linkRefused = false;

  const show = () => {
    view?.destroy();
    view = null;
    if (!me) return signInForm(main, i18n, false, linkRefused);
    const ctx: ViewContext = { i18n, me, navigate };
    if (route.name === "issues") view = mountIssuesView(main, ctx);
    else if (route.name === "issue") view = mountIssueView(main, ctx, route.issueId);
    else if (route.name === "page") view = mountPageView(main, ctx, route.pageId);
    else main.replaceChildren(el("p", { class: "error" }, i18n.t("error.notFound")));
  };
  const navigate = (next: Route) => {
    history.pushState(null, "", routePath(next));
    route = next;
    show();
  };

  // In-app links navigate without a reload; downloads and other origins are left alone.
  document.addEventListener("click", (e) => {
    const link = (e.target as Element | null)?.closest?.("a[href]");
    if (!(link instanceof HTMLAnchorElement) || e.defaultPrevented || e.button !== 0) return;
    if (
      e.metaKey ||
      e.ctrlKey ||
      e.shiftKey ||
      link.hasAttribute("download") ||
      link.origin !== location.origin
    )
      return;
    const next = matchRoute(link.pathname);
    if (next.name === "not-found") return;
    e.preventDefault();
    navigate(next);
  });
  window.addEventListener("popstate", () => {
    route = matchRoute(location.pathname);
    show();
  });
  i18n.onChange(() => {
    document.documentElement.lang = i18n.locale;
    root.firstElementChild?.replaceWith(header(i18n, me));
    if (view?.relabel) view.relabel();
    else show();
  });

  root.replaceChildren(header(i18n, null), main);
  const hasLink = takeToken(location.href) !== null;
  const signedIn = signIn((current) => confirmSwitch(main, i18n, current));
  if (route.name === "page" && !hasLink) {
    // Open the page at once (the session cookie is already there, or the socket is refused and
    // the sign-in form replaces it): the editor connects while we ask who is signed in.
    me = { user: "…", role: "viewer" };
    show();
  }
  ({ me, linkRefused } = await signedIn);
  root.firstElementChild?.replaceWith(header(i18n, me));
  if (me && linkRefused) {
    main.before(
      el(
        "p",
        { class: "app-notice error", role: "alert" },
        i18n.t("signin.linkUsedSignedIn", { name: me.user }),
      ),
    );
  }
  // `show` (a closure) may have set the view; TypeScript cannot see that.
  const mounted = view as MountedView | null;
  if (me && mounted?.setMe) mounted.setMe(me);
  else show();
}

void start();
