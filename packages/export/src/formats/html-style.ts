/**
 * The site's style sheet. Readable measure and type; CJK text breaks by the strict rules
 * (`line-break: strict`: no line may start with small kana or closing punctuation) and keeps
 * `word-break: normal` (ideographs break anywhere, embedded Latin words stay whole), while
 * `overflow-wrap: anywhere` stops long URLs or OCR junk from overflowing. Latin text is
 * hyphenated by its `lang`. Korean keeps words together (`keep-all`).
 */
export const siteCss = `:root {
  color-scheme: light dark;
  --ink: #1d1d1b;
  --paper: #fdfcf8;
  --muted: #5f5d57;
  --rule: #d8d4c8;
  --accent: #8a1c1c;
}
@media (prefers-color-scheme: dark) {
  :root { --ink: #e9e6de; --paper: #181816; --muted: #a9a59b; --rule: #3a3935; --accent: #e28a7a; }
}
* { box-sizing: border-box; }
html { font-size: 112.5%; }
body {
  margin: 0;
  color: var(--ink);
  background: var(--paper);
  font-family: Georgia, "Noto Serif", "Source Serif Pro", "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", serif;
  line-height: 1.6;
  overflow-wrap: anywhere;
}
main, .site-header { max-width: 38rem; margin: 0 auto; padding: 1rem 1.25rem; }
.site-header { border-bottom: 1px solid var(--rule); font-size: 0.9rem; }
.site-header a { color: var(--muted); }
a { color: var(--accent); }
h1 { font-size: 1.9rem; line-height: 1.2; margin: 0.4rem 0; }
h2 { font-size: 1.3rem; border-bottom: 1px solid var(--rule); padding-bottom: 0.2rem; margin-top: 2rem; }
.kicker, .subheadline, .byline, .dateline, .print, .date { color: var(--muted); margin: 0.3rem 0; }
.kicker { font-size: 0.95rem; letter-spacing: 0.02em; }
.subheadline { font-size: 1.15rem; font-style: italic; }
.byline, .dateline { font-size: 0.9rem; font-variant-caps: all-small-caps; }
article > p { margin: 0 0 0.9rem; text-align: justify; }
figure.caption { margin: 1.2rem 0; padding-left: 0.8rem; border-left: 3px solid var(--rule); }
figcaption { font-size: 0.9rem; color: var(--muted); }
footer { border-top: 1px solid var(--rule); margin-top: 1.5rem; font-size: 0.85rem; }
ol.pages { display: flex; flex-wrap: wrap; gap: 0.3rem 0.8rem; padding: 0; list-style: none; }
ul.articles { padding-left: 1.1rem; }
ul.articles li { margin: 0.35rem 0; }
.section { color: var(--muted); font-weight: normal; }
:lang(en), :lang(de), :lang(fr) { hyphens: auto; }
:lang(zh), :lang(ja), :lang(ko) {
  line-break: strict;
  word-break: normal;
  overflow-wrap: anywhere;
  hyphens: none;
  font-family: "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", "SimSun", serif;
  font-style: normal;
  font-variant-caps: normal;
}
article:lang(zh) > p, article:lang(ja) > p { text-indent: 2em; text-align: justify; }
h1:lang(zh), h1:lang(ja) { letter-spacing: 0.05em; }
:lang(ja) { font-family: "Noto Serif CJK JP", "Source Han Serif JP", "Hiragino Mincho ProN", serif; }
:lang(ko) { word-break: keep-all; font-family: "Noto Serif CJK KR", "Source Han Serif KR", serif; }
`;
