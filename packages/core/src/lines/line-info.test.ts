import { describe, expect, it } from "vitest";
import { describeLines } from "./line-info.ts";
import { matchDateline, matchFurniture } from "./patterns.ts";

const pad = (n: number) => "x".repeat(n);

describe("describeLines", () => {
  // The dateline and furniture gates are read in the line's one pass over its characters:
  // they must let through every line the patterns' own gates let through.
  it.each([
    "WASHINGTON — Also in 1992, the",
    `AB${pad(60)}— and so on`,
    `AB${pad(61)}— and so on`,
    `${pad(70)}AB${pad(6)}-`,
    `${pad(70)}AB${pad(7)}-`,
    "NEW YORK (AP) — Stocks fell",
    "LONDON: the city",
    "LONDON\nTOWN — here",
    `${pad(46)}讯 本报`,
    `${pad(47)}讯 本报`,
    "新华社北京10月19日电中",
    "新华社北京2月6日",
    "本报讯（记者 张明）近日，",
    "第6版",
    "A4",
    "Page 3",
    "2021年10月20日 星期三",
    "TUESDAY, DECEMBER 29, 1992",
    "Tuesday, December 29, 1992",
    "礼拜三",
    "责任编辑：王某",
    "编辑／李华",
    "news@paper.example",
    "www.paper.example",
    "https://paper.example",
    "No. 42",
    "THE DAILY NEWS - PAGE 4",
    "rovers and landers",
  ])("agrees with matchDateline and matchFurniture on %j", (text) => {
    const [info] = describeLines([{ id: "l1", text, gapBefore: "block" }]);
    expect(info?.dateline).toEqual(matchDateline(text));
    expect(info?.furniture).toEqual(matchFurniture(text));
  });

  it("takes the agency or title set under a By line for the byline's", () => {
    const infos = describeLines([
      { id: "1", text: "By JANE DOE", gapBefore: "block" },
      { id: "2", text: "Associated Press", gapBefore: "none" },
      { id: "3", text: "By Sarah Klein", gapBefore: "block" },
      { id: "4", text: "Staff Writer", gapBefore: "none" },
      { id: "5", text: "Staff Writer", gapBefore: "block" },
    ]);
    expect(infos.map((x) => x.bylineLine)).toEqual([
      "By JANE DOE",
      "Associated Press",
      "By Sarah Klein",
      "Staff Writer",
      null,
    ]);
  });

  it("joins a By line broken inside the name, but not a full name with a title-case line under it", () => {
    const infos = describeLines([
      { id: "1", text: "By Ellen", gapBefore: "block" },
      { id: "2", text: "Cho", gapBefore: "none" },
      { id: "3", text: "Staff Writer", gapBefore: "none" },
      { id: "4", text: "By Ellen Cho", gapBefore: "block" },
      { id: "5", text: "Storm Hits", gapBefore: "none" },
    ]);
    expect(infos.map((x) => x.bylineLine)).toEqual(["By Ellen", "Cho", "Staff Writer", "By Ellen Cho", null]);
  });

  it("reads a credit broken inside its bracket at a line end as the next line's byline, not a dateline's", () => {
    const infos = describeLines([
      { id: "1", text: "推动更多中小企业“愿转、敢转、能转”。（记", gapBefore: "none" },
      { id: "2", text: "者 何平）", gapBefore: "none" },
      { id: "3", text: "本报讯（记", gapBefore: "none" },
      { id: "4", text: "者 何平）", gapBefore: "none" },
    ]);
    expect(infos[0]!.bylineEnd).toBeNull();
    expect(infos[1]!.bylineEnd).toMatchObject({ text: "（记者 何平）", wrapped: true, spaced: true });
    expect(infos[3]!.bylineEnd).toBeNull();
  });

  it("reads a credit broken at a space between its names, or right after its bracket, as one byline", () => {
    const infos = describeLines([
      { id: "1", text: "轮目前正在加紧建造。（记者 孙丽", gapBefore: "none" },
      { id: "2", text: "通讯员 王强）", gapBefore: "none" },
      { id: "3", text: "企业“愿转、敢转、能转”。（", gapBefore: "none" },
      { id: "4", text: "记者 何平）", gapBefore: "none" },
    ]);
    expect(infos[1]).toMatchObject({
      bylineLine: null,
      bylineEnd: { text: "（记者 孙丽 通讯员 王强）", wrapped: true },
    });
    expect(infos[3]).toMatchObject({ bylineLine: null, bylineEnd: { text: "（记者 何平）", wrapped: true } });
  });
});
