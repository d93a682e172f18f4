import { shippedModel } from "@galley/core/model";
import { describe, expect, it } from "vitest";
import { oneArticleModel } from "../testing/one-article-model.ts";
import { adaptTask } from "./adapt-task.ts";
import { runTask } from "./tasks.ts";

/** A base model of no features (every page one article), not the shipped one. */
const base = oneArticleModel;

describe("adaptTask", () => {
  it("sends no model for the shipped one, which the worker holds", () => {
    expect(adaptTask([], null)).toEqual({ kind: "adapt", pages: [] });
    expect(runTask(structuredClone(adaptTask([], null)))).toBe(shippedModel());
  });

  it("sends a host's base model, which the worker adapts from", () => {
    expect(adaptTask([], base).base).toBe(base);
    expect(runTask(structuredClone(adaptTask([], base)))).toEqual(base);
  });
});
