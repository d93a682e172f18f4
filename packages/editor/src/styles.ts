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
.galley-toolbar { display: flex; flex-wrap: wrap; gap: 4px; padding: 6px; border-bottom: 1px solid var(--galley-rule);
  position: sticky; top: 0; background: var(--galley-paper); z-index: 2; font-family: system-ui, "Noto Sans CJK SC", sans-serif; }
.galley-toolbar button, .galley-toolbar select, .galley-find button, .galley-find input {
  font: inherit; font-size: 14px; padding: 3px 8px; border: 1px solid var(--galley-rule); border-radius: 4px; background: #f7f7f9; }
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
.galley-status[data-connection="denied"] .galley-connection::before { background: #d33; }
.galley-readonly { background: #fff3cd; border: 1px solid #e5c86b; border-radius: 4px; padding: 1px 6px; }
.galley-readonly[hidden], .galley-loading[hidden] { display: none; }
.galley-presence { display: flex; gap: 6px; list-style: none; margin: 0; padding: 0; }
.galley-presence li { border-left: 4px solid var(--galley-user, #999); padding: 0 6px; background: #f3f3f6; border-radius: 3px; }
.galley-editor .ProseMirror { outline: none; padding: 12px; min-height: 200px; white-space: pre-wrap; }
.galley-editor .ProseMirror[contenteditable="false"] { background: #fafafa; }
.galley-editor .ProseMirror > * + * { margin-top: 16px; }
.galley-editor article[data-article-id] { border: 1px solid var(--galley-rule); border-radius: 6px; padding: 10px 14px;
  background: var(--galley-paper); box-shadow: 0 1px 2px rgba(0,0,0,0.05); position: relative; }
.galley-editor article[data-article-id]::before { content: attr(data-article-id) " · " attr(data-status-label); position: absolute;
  top: -9px; right: 10px; font: 11px system-ui, sans-serif; background: var(--galley-paper); padding: 0 4px; color: #777; }
.galley-editor article[data-status="approved"] { border-color: #2e9d4f; }
.galley-editor article[data-status="corrected"] { border-color: var(--galley-accent); }
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
