import { type ArticleStatus, articleStatuses } from "@galley/doc";
import type { Node } from "prosemirror-model";
import { type EditorState, Plugin, PluginKey } from "prosemirror-state";
import { Decoration, DecorationSet, type EditorView } from "prosemirror-view";
import { articleColor } from "../article-colors.ts";
import { format, type Messages } from "../i18n/messages.ts";
import { articleHeadline, type TitleFlag, titleFlagOf } from "../titles.ts";
import { asUndoStep } from "../undo-step.ts";
import { uiStateKey } from "./ui-state.ts";

/**
 * Each article as a card people can name: a header drawn at the top of the article (a widget,
 * not part of the document) with the article's number and colour (the same as on the page image
 * and in the outline), its headline — or "No headline" — a flag when it has two headlines, and
 * its status as three buttons, the current one coloured; pressing one sets the status (one undo
 * step). The article element gets `data-status-label` and the `--galley-article` colour. Words
 * come from the UI catalogue (`uiStatePlugin`), so the stored document is the same in every
 * language.
 */

/** What a card shows about one article. */
export interface CardInfo {
  /** Position before the article. */
  pos: number;
  id: string;
  /** 1-based place among the page's articles. */
  number: number;
  color: string;
  headline: string | null;
  flag: TitleFlag | null;
  status: ArticleStatus;
}

/** Key of the article-cards plugin. */
export const articleCardsKey = new PluginKey<DecorationSet>("galley-article-cards");

/** The cards of the page's articles, in page order. */
export function articleCards(doc: Node): CardInfo[] {
  const out: CardInfo[] = [];
  doc.forEach((node, pos) => {
    if (node.type.name !== "article") return;
    out.push({
      pos,
      id: node.attrs.id as string,
      number: out.length + 1,
      color: articleColor(out.length),
      headline: articleHeadline(node),
      flag: titleFlagOf(node),
      status: node.attrs.status as ArticleStatus,
    });
  });
  return out;
}

function setStatus(view: EditorView, articlePos: number, status: ArticleStatus): void {
  asUndoStep((state, dispatch) => {
    const article = state.doc.nodeAt(articlePos);
    if (article?.type.name !== "article" || article.attrs.status === status) return false;
    dispatch?.(state.tr.setNodeAttribute(articlePos, "status", status));
    return true;
  })(view.state, view.dispatch, view);
}

function header(card: CardInfo, messages: Messages, editable: boolean) {
  return (view: EditorView, getPos: () => number | undefined): HTMLElement => {
    const doc = view.dom.ownerDocument;
    const make = (tag: string, className: string, text?: string) => {
      const el = doc.createElement(tag);
      el.className = className;
      if (text !== undefined) el.textContent = text;
      return el;
    };
    const head = make("div", "galley-card-head");
    head.contentEditable = "false";
    head.dataset.article = card.id;
    const number = make("span", "galley-card-number", String(card.number));
    number.title = card.id;
    const title = make("span", "galley-card-title", card.headline ?? messages["card.noHeadline"]);
    if (!card.headline) title.classList.add("galley-card-untitled");
    head.append(number, title);
    if (card.flag === "several") head.append(make("span", "galley-card-flag", messages["card.twoHeadlines"]));
    const statuses = make("span", "galley-card-status");
    statuses.setAttribute("role", "group");
    statuses.setAttribute("aria-label", messages["status.label"]);
    for (const status of articleStatuses) {
      const button = make(
        "button",
        "galley-card-status-button",
        messages[`status.${status}`],
      ) as HTMLButtonElement;
      button.type = "button";
      button.dataset.status = status;
      button.setAttribute("aria-pressed", String(status === card.status));
      button.disabled = !editable;
      button.addEventListener("mousedown", (e) => e.preventDefault());
      button.addEventListener("click", () => {
        const at = getPos();
        // The widget sits at the article's content start, one past the article's own position.
        if (at !== undefined && view.editable) setStatus(view, at - 1, status);
      });
      statuses.append(button);
    }
    head.append(statuses);
    head.setAttribute("aria-label", format(messages["card.label"], { number: card.number }));
    return head;
  };
}

function decorate(state: EditorState): DecorationSet {
  const ui = uiStateKey.getState(state);
  if (!ui) return DecorationSet.empty;
  const decorations: Decoration[] = [];
  for (const card of articleCards(state.doc)) {
    const node = state.doc.nodeAt(card.pos)!;
    decorations.push(
      Decoration.node(card.pos, card.pos + node.nodeSize, {
        "data-status-label": ui.messages[`status.${card.status}`],
        style: `--galley-article: ${card.color}`,
      }),
      Decoration.widget(card.pos + 1, header(card, ui.messages, ui.editable), {
        side: -1,
        ignoreSelection: true,
        stopEvent: () => true,
        key: JSON.stringify([
          card.id,
          card.number,
          card.headline,
          card.flag,
          card.status,
          ui.editable,
          ui.messages["card.noHeadline"],
        ]),
      }),
    );
  }
  return DecorationSet.create(state.doc, decorations);
}

/** The article-cards plugin; needs `uiStatePlugin` before it. */
export function articleCardsPlugin(): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: articleCardsKey,
    state: {
      init: (_config, state) => decorate(state),
      apply: (tr, value, _old, state) => (tr.docChanged || tr.getMeta(uiStateKey) ? decorate(state) : value),
    },
    props: {
      decorations: (state) => articleCardsKey.getState(state),
    },
  });
}
