import { type PageLabels, pageLabels } from "@galley/core/model";
import type { GroundTruth } from "./ground-truth.ts";
import { truthPage } from "./truth-page.ts";

/**
 * What the truth says of each line of a stream, as the model's decisions (core's
 * `pageLabels` of the truth read as a finished page). Truth that marks only which article a
 * line is in (`rolesAnnotated: false`) teaches no titles: `titleKnown` is false.
 */
export interface LineLabels extends PageLabels {
  /** Whether the title label is known for the line's page. */
  titleKnown: boolean;
}

/** Labels the lines `ids` (stream order) from `gt`. */
export function labelLines(
  gt: GroundTruth & { rolesAnnotated?: boolean },
  ids: readonly string[],
): LineLabels {
  return { ...pageLabels(truthPage(gt, "text"), ids), titleKnown: gt.rolesAnnotated !== false };
}
