/**
 * The editor's stylesheet, injected once per document by `mountEditor` so that a host page needs
 * no CSS pipeline. Everything is scoped under `.galley-editor`; colours are CSS custom
 * properties a host may override. CJK text breaks by the strict line-breaking rules and falls
 * back to Noto CJK fonts.
 */
export const editorCss = `
.galley-editor {
  --galley-ink: #1d1d1f; --galley-paper: #fff; --galley-rule: #d0d0d5; --galley-accent: #2457c5;
  --galley-doubt: #f5a524; --galley-doubt-word: rgba(245, 165, 36, 0.35); --galley-linked: rgba(36, 87, 197, 0.14);
  --galley-match: rgba(255, 214, 0, 0.55); --galley-match-current: rgba(255, 140, 0, 0.7);
  font-family: "Noto Serif", "Noto Serif CJK SC", "Noto Sans CJK SC", "Source Han Serif SC", "Songti SC", serif;
  color: var(--galley-ink);
  line-break: strict; word-break: normal; overflow-wrap: anywhere;
}
.galley-editor :lang(zh), .galley-editor [lang|="zh"] { line-break: strict; word-break: normal; }
.galley-toolbar { display: flex; flex-wrap: wrap; gap: 4px 8px; padding: 6px; border-bottom: 1px solid var(--galley-rule); align-items: center;
  position: sticky; top: 0; background: var(--galley-paper); z-index: 3; font-family: system-ui, "Noto Sans CJK SC", sans-serif; }
.galley-toolbar-group { display: inline-flex; align-items: center; gap: 2px; white-space: nowrap; }
.galley-toolbar-caption { font-size: 12px; color: #555; margin-right: 2px; }
.galley-toolbar button, .galley-toolbar select, .galley-find button, .galley-find input {
  font: inherit; font-size: 13px; padding: 3px 5px; border: 1px solid var(--galley-rule); border-radius: 4px; background: #f7f7f9; white-space: nowrap; }
.galley-toolbar button .galley-icon { margin-right: 3px; }
.galley-toolbar button:disabled, .galley-toolbar select:disabled { opacity: 0.4; }
.galley-toolbar button:focus-visible, .galley-toolbar select:focus-visible { outline: 2px solid var(--galley-accent); }
.galley-find { display: flex; flex-wrap: wrap; gap: 4px; padding: 6px; border-bottom: 1px solid var(--galley-rule);
  font-family: system-ui, "Noto Sans CJK SC", sans-serif; align-items: center; }
.galley-find[hidden] { display: none; }
.galley-find-count { font-size: 13px; color: #555; min-width: 6em; }
.galley-status { display: flex; flex-wrap: wrap; gap: 12px; align-items: center; padding: 4px 8px; font-size: 13px;
  font-family: system-ui, "Noto Sans CJK SC", sans-serif; border-bottom: 1px solid var(--galley-rule); }
.galley-connection::before { content: ""; display: inline-block; width: 8px; height: 8px; border-radius: 50%;
  margin-right: 6px; background: #999; vertical-align: middle; }
.galley-status[data-connection="connected"] .galley-connection::before { background: #2e9d4f; }
.galley-status[data-connection="disconnected"] .galley-connection::before { background: #d33; }
.galley-status[data-connection="denied"] .galley-connection::before,
.galley-status[data-connection="not-found"] .galley-connection::before { background: #d33; }
.galley-offline { display: flex; flex-wrap: wrap; gap: 4px 12px; align-items: baseline; padding: 10px 14px; background: #b3261e; color: #fff;
  font: 15px/1.4 system-ui, "Noto Sans CJK SC", sans-serif; position: sticky; top: 0; z-index: 4; }
.galley-offline[hidden] { display: none; }
.galley-offline strong { font-size: 16px; }
.galley-editor[data-offline="true"] .ProseMirror { outline: 3px solid #b3261e; outline-offset: -3px; }
.galley-readonly { background: #fff3cd; border: 1px solid #e5c86b; border-radius: 4px; padding: 1px 6px; }
.galley-readonly[hidden], .galley-loading[hidden] { display: none; }
.galley-presence { display: flex; gap: 6px; list-style: none; margin: 0; padding: 0; }
.galley-presence li { border-left: 4px solid var(--galley-user, #999); padding: 0 6px; background: #f3f3f6; border-radius: 3px; }
.galley-editor:not([data-galley-state="ready"]) .galley-editor-page { visibility: hidden; }
.galley-editor .ProseMirror { outline: none; padding: 12px; min-height: 200px; white-space: pre-wrap; }
.galley-editor .ProseMirror[contenteditable="false"] { background: #fafafa; }
.galley-editor .ProseMirror > * + * { margin-top: 16px; }
.galley-editor article[data-article-id] { border: 1px solid var(--galley-rule); border-left: 6px solid var(--galley-article, #999);
  border-radius: 6px; padding: 6px 14px 10px; background: var(--galley-paper); box-shadow: 0 1px 2px rgba(0,0,0,0.05); position: relative; }
.galley-editor article[data-status="approved"] { background: #f4fbf6; }
.galley-editor article.galley-region-lit { box-shadow: 0 0 0 3px var(--galley-article, var(--galley-accent)); }
.galley-card-head { display: flex; flex-wrap: wrap; gap: 4px 8px; align-items: center; margin: 0 0 6px; padding-bottom: 4px;
  border-bottom: 1px dashed var(--galley-rule); font: 12px/1.4 system-ui, "Noto Sans CJK SC", sans-serif; color: #444; user-select: none; }
.galley-card-number { display: inline-block; min-width: 1.6em; text-align: center; border-radius: 10px; color: #fff; font-weight: 700;
  background: var(--galley-article, #777); padding: 0 5px; }
.galley-card-title { font-weight: 600; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 28em; }
.galley-card-untitled { color: #b3261e; font-style: italic; }
.galley-card-flag { background: #fde7e5; color: #8c1d18; border: 1px solid #e7a29c; border-radius: 4px; padding: 0 5px; }
.galley-card-status { margin-left: auto; display: inline-flex; border: 1px solid var(--galley-rule); border-radius: 12px; overflow: hidden; }
.galley-card-status-button { font: inherit; border: 0; background: #f7f7f9; padding: 1px 8px; color: #555; cursor: pointer; }
.galley-card-status-button + .galley-card-status-button { border-left: 1px solid var(--galley-rule); }
.galley-card-status-button[aria-pressed="true"][data-status="needs-review"] { background: #f5a524; color: #1d1d1f; font-weight: 600; }
.galley-card-status-button[aria-pressed="true"][data-status="corrected"] { background: var(--galley-accent); color: #fff; font-weight: 600; }
.galley-card-status-button[aria-pressed="true"][data-status="approved"] { background: #2e9d4f; color: #fff; font-weight: 600; }
.galley-card-status-button:disabled { cursor: default; }
.galley-editor .galley-title-doubt { border-top: 3px solid #b3261e; }
.galley-line-strip { margin: 2px 0 6px; border: 1px solid var(--galley-rule); border-radius: 4px; background: #fff; overflow: hidden;
  box-shadow: 0 1px 4px rgba(0,0,0,0.15); user-select: none; }
.galley-line-strip-crop { overflow: hidden; width: 100%; }
.galley-line-strip-crop img { display: block; max-width: none; height: auto; }
.galley-outline { list-style: none; margin: 0; padding: 0; font: 13px/1.4 system-ui, "Noto Sans CJK SC", sans-serif; }
.galley-outline > li { border-left: 5px solid var(--galley-article, #999); margin-bottom: 4px; background: #fff; border-radius: 3px; }
.galley-outline button { all: unset; box-sizing: border-box; display: flex; flex-wrap: wrap; gap: 2px 8px; width: 100%; padding: 4px 8px; cursor: pointer; }
.galley-outline button:hover, .galley-outline button:focus-visible { background: #f1f1f4; }
.galley-outline-number { font-weight: 700; color: var(--galley-article, #555); }
.galley-outline-title { flex: 1 1 12em; font-weight: 600; }
.galley-outline-status { color: #555; }
.galley-outline > li[data-status="approved"] .galley-outline-status { color: #2e9d4f; }
.galley-outline > li[data-status="corrected"] .galley-outline-status { color: var(--galley-accent); }
.galley-outline-doubts { color: #8a5a00; background: var(--galley-doubt-word); border-radius: 3px; padding: 0 4px; }
.galley-outline-people { list-style: none; display: flex; flex-wrap: wrap; gap: 4px; margin: 0; padding: 0 8px 4px; }
.galley-outline-people li { border-left: 3px solid var(--galley-user, #999); padding: 0 4px; background: #f3f3f6; font-size: 12px; }
.galley-editor [data-role] { margin: 0 0 6px; line-break: strict; word-break: normal; overflow-wrap: anywhere; }
.galley-editor [data-role="kicker"] { font-size: 0.95em; color: #555; }
.galley-editor [data-role="headline"] { font-size: 1.5em; font-weight: 700; line-height: 1.3; }
.galley-editor [data-role="subheadline"] { font-size: 1.15em; font-weight: 600; }
.galley-editor [data-role="dateline"], .galley-editor [data-role="byline"] { font-size: 0.9em; font-style: italic; color: #444; }
.galley-editor [data-role="paragraph"] { line-height: 1.7; text-indent: 0; }
.galley-editor [data-role="caption"] { font-size: 0.9em; color: #333; border-left: 3px solid #9aa; padding-left: 8px; background: #f6f8f8; }
.galley-editor [data-role="furniture"] { font-size: 0.85em; color: #666; border: 1px dashed #bbb; padding: 2px 8px; }
.galley-editor .galley-page > [data-role="caption"], .galley-editor .galley-page > [data-role="furniture"] { margin-left: 24px; }
.galley-editor [data-span] { text-decoration: underline dotted; }
.galley-editor .galley-doubt-block { box-shadow: inset 3px 0 0 var(--galley-doubt); padding-left: 6px; }
.galley-editor .galley-doubt-word { background: var(--galley-doubt-word); border-bottom: 2px dotted var(--galley-doubt); }
.galley-editor .galley-linked { background: var(--galley-linked); }
.galley-editor .galley-match { background: var(--galley-match); }
.galley-editor .galley-match-current { background: var(--galley-match-current); }
.galley-editor .ProseMirror-yjs-cursor { position: relative; margin-left: -1px; margin-right: -1px; border-left: 1px solid;
  border-right: 1px solid; word-break: normal; pointer-events: none; }
.galley-editor .ProseMirror-yjs-cursor > div { position: absolute; top: -1.15em; left: -1px; font: 11px/1.2 system-ui, sans-serif;
  color: #fff; padding: 0 3px; white-space: nowrap; user-select: none; border-radius: 2px; }
`;

/** Adds the editor's stylesheet to `doc` once. */
export function ensureStyles(doc: Document): void {
  if (doc.getElementById("galley-editor-styles")) return;
  const style = doc.createElement("style");
  style.id = "galley-editor-styles";
  style.textContent = editorCss;
  doc.head.append(style);
}
