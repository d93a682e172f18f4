import { checkModel } from "./check-model.ts";
import shipped from "./model.json" with { type: "json" };
import type { LineModel } from "./trees.ts";

let model: LineModel | undefined;

/** The model `pnpm train` fitted and the package ships (checked once, on first use). */
export function shippedModel(): LineModel {
  model ??= checkModel(shipped);
  return model;
}
