import type { LineModel } from "@galley/core/model";

/**
 * The model as the JSON `model.json` holds: thresholds written as the shortest decimal that
 * reads back to the same single-precision value without falling below it (features are
 * single precision, so every comparison comes out as with the exact value), leaf values to
 * six significant digits. One line per tree keeps diffs of a refit readable.
 */
export function serializeModel(model: LineModel): string {
  const heads = Object.entries(model.heads).map(([name, head]) => {
    const trees = head.trees.map((t) =>
      JSON.stringify({
        feature: t.feature,
        threshold: t.threshold.map((v, k) => (t.feature[k]! < 0 ? 0 : shortFloat32(v))),
        left: t.left,
        right: t.right,
        value: t.value.map((v) => Number(v.toPrecision(6))),
      }),
    );
    return `    ${JSON.stringify(name)}: {\n      "base": ${head.base},\n      "trees": [\n        ${trees.join(",\n        ")}\n      ]\n    }`;
  });
  const rest = { thresholds: model.thresholds, router: model.router };
  return `{\n  "version": ${model.version},\n  "features": ${JSON.stringify(model.features)},\n  "heads": {\n${heads.join(",\n")}\n  },\n  "thresholds": ${JSON.stringify(rest.thresholds ?? null)},\n  "router": ${JSON.stringify(rest.router ?? null)}\n}\n`;
}

/** The shortest decimal `d` with `fround(d) === v` and `d >= v`. */
export function shortFloat32(v: number): number {
  for (let p = 1; p <= 17; p++) {
    const d = Number(v.toPrecision(p));
    if (Math.fround(d) === v && d >= v) return d;
  }
  return v;
}
