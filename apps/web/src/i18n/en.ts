/** The newsroom app's English UI strings; every catalogue has these keys. Placeholders: `{name}`. */
export const en = {
  "app.title": "Galley",
  "app.language": "Language",
  "nav.issues": "Issues",
  "signin.title": "Sign in",
  "signin.explain": "Open the sign-in link you were given, or paste your access token here.",
  "signin.token": "Access token",
  "signin.submit": "Sign in",
  "signin.failed": "That token was not accepted.",
  "signin.as": "Signed in as {name} ({role})",
  "signin.switchTitle": "Switch account?",
  "signin.switchExplain":
    "You are signed in as {name} ({role}). The link you opened signs in to another account. Only switch if you meant to.",
  "signin.stay": "Stay signed in as {name}",
  "signin.switch": "Sign in with the link",
  "issues.title": "Issues",
  "issues.empty": "No issues yet.",
  "issues.pages": "{count} pages",
  "issue.pages": "Pages",
  "issue.page": "Page {number}",
  "issue.articles": "{count} articles",
  "issue.status": "Status",
  "issue.back": "All issues",
  "issue.empty": "This issue has no pages yet.",
  "export.menu": "Export",
  "export.json": "JSON (re-importable)",
  "export.html": "Website (HTML, zip)",
  "export.markdown": "Markdown (zip)",
  "export.nitf": "NITF 3.6",
  "export.newsml": "NewsML-G2",
  "export.epub": "EPUB 3",
  "export.alto": "ALTO + METS (archive)",
  "page.back": "Back to the issue",
  "page.title": "Page {number}",
  "page.editor": "Page editor",
  "page.source": "Source (OCR lines)",
  "page.sourceEmpty": "No source lines for this page.",
  "page.image": "Page image with line boxes",
  "page.shortcuts": "Keyboard shortcuts",
  "error.load": "Could not load: {message}",
  "error.notFound": "Not found.",
  "pageStatus.needs-review": "Needs review",
  "pageStatus.in-progress": "In progress",
  "pageStatus.corrected": "Corrected",
  "pageStatus.approved": "Approved",
} as const;

/** A key of the app's catalogues. */
export type AppMessageKey = keyof typeof en;

/** An app catalogue: every key, translated. */
export type AppMessages = Record<AppMessageKey, string>;
