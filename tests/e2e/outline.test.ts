import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caretAt } from "./support/caret.ts";
import { openTwoEditors, type TwoEditors } from "./support/two-editors.ts";

/**
 * The state of the work at a glance, with two editors on the seed page: the outline lists the
 * articles by headline with their status, doubtful places and who is where; cards are named by
 * their headline and their status is changed on the card.
 */

let two: TwoEditors;

beforeAll(async () => {
  two = await openTwoEditors({ bobLocale: "zh-CN" });
  for (const b of [two.alice, two.bob]) await b.page.click('.tabs [data-tab="outline"]');
});

afterAll(async () => {
  await two?.close();
});

const outline = (who: "alice" | "bob") =>
  two[who].page.$$eval(".galley-outline > li", (lis) =>
    lis.map((li) => ({
      id: li.getAttribute("data-article-id"),
      title: li.querySelector(".galley-outline-title")?.textContent,
      status: li.getAttribute("data-status"),
      doubts: Number(li.getAttribute("data-doubts")),
      people: [...li.querySelectorAll(".galley-outline-people li")].map((p) => p.textContent),
    })),
  );

describe("the outline and the cards", () => {
  it("lists the articles by headline, with their doubtful places", async () => {
    const entries = await outline("alice");
    expect(entries.map((e) => [e.id, e.title])).toEqual([
      ["a1", "Harbour bridge reopens"],
      ["a2", "科学导报讯"],
      ["a3", "Weather"],
    ]);
    // "Traffic was light in the morning." is the seed page's doubtful block.
    expect(entries.map((e) => e.doubts)).toEqual([1, 0, 0]);
  });

  it("shows who is in which article", async () => {
    await caretAt(two.alice.page, "Sunny with");
    await caretAt(two.bob.page, "本市今日");
    await two.alice.page.waitForFunction(() =>
      document
        .querySelector('.galley-outline > li[data-article-id="a2"] .galley-outline-people')
        ?.textContent?.includes("张编辑"),
    );
    const entries = await outline("alice");
    expect(entries.find((e) => e.id === "a3")?.people).toEqual(["Eddie Editor (you)"]);
    expect(entries.find((e) => e.id === "a2")?.people).toEqual(["张编辑"]);
  });

  it("names each card by its headline, and a status set on a card reaches the other editor's outline", async () => {
    expect(
      await two.alice.page.$$eval(".galley-card-head .galley-card-title", (els) =>
        els.map((e) => e.textContent),
      ),
    ).toEqual(["Harbour bridge reopens", "科学导报讯", "Weather"]);
    await two.alice.page.click(
      'article[data-article-id="a1"] .galley-card-status button[data-status="corrected"]',
    );
    expect(
      await two.alice.page.getAttribute(
        'article[data-article-id="a1"] .galley-card-status button[data-status="corrected"]',
        "aria-pressed",
      ),
    ).toBe("true");
    await two.bob.page.waitForSelector('.galley-outline > li[data-article-id="a1"][data-status="corrected"]');
    expect(
      await two.bob.page
        .locator('.galley-outline > li[data-article-id="a1"] .galley-outline-status')
        .textContent(),
    ).toBe("已校对");
  });

  it("goes to an article picked in the outline", async () => {
    await two.alice.page.click('.galley-outline > li[data-article-id="a2"] button');
    await two.alice.page.waitForFunction(
      () =>
        getSelection()?.anchorNode?.parentElement?.closest("article")?.getAttribute("data-article-id") ===
        "a2",
    );
  });
});
