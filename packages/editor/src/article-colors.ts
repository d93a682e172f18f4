/**
 * The colour of each article on a page, the same on its card, in the outline and on the page
 * image: the article's place among the page's articles picks a colour from a palette of ten
 * that stay apart from each other and from the doubt, match and link colours (cycling after ten).
 */
export const articlePalette: readonly string[] = [
  "#1f77b4",
  "#d62728",
  "#2ca02c",
  "#9467bd",
  "#e377c2",
  "#17becf",
  "#8c564b",
  "#bcbd22",
  "#ff7f0e",
  "#7f7f7f",
];

/** The colour of the article at 0-based `index` among the page's articles. */
export function articleColor(index: number): string {
  if (!Number.isInteger(index) || index < 0) throw new RangeError(`not an article index: ${index}`);
  return articlePalette[index % articlePalette.length]!;
}
