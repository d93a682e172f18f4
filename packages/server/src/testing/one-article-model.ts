import type { LineModel } from "@galley/core/model";

/**
 * For tests: a base model of no features, not the shipped one. Every page it reads is one
 * article with no title and nothing outside, so what a test's pages hold does not hang on the
 * model that ships.
 */
export const oneArticleModel: LineModel = {
  version: 1,
  features: [],
  heads: {
    other: { base: -9, trees: [] },
    begin: { base: -9, trees: [] },
    title: { base: -9, trees: [] },
  },
};
