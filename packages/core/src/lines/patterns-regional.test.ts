import { describe, expect, it } from "vitest";
import { describeLines } from "./line-info.ts";
import {
  hasPhotoCredit,
  isJumpLine,
  matchBylineEnd,
  matchBylineLine,
  matchDateline,
  matchFurniture,
  opensCaption,
} from "./patterns.ts";

// Hong Kong and Taiwan papers print traditional forms wherever mainland ones print simplified;
// Indian papers set colon datelines and name a service or agency for a byline.
describe("traditional Chinese conventions", () => {
  it("reads 本報訊, bracketed datelines and CNA's （中央社記者X台北28日電）", () => {
    expect(matchDateline("本報訊 市區重建局昨日展開")?.text).toBe("本報訊");
    expect(matchDateline("【本報訊】市區重建局昨日展開")?.text).toBe("【本報訊】");
    expect(matchDateline("新華社北京11月27日電（記者 周文傑）衛生")?.text).toBe(
      "新華社北京11月27日電（記者 周文傑）",
    );
    expect(matchDateline("（中央社記者陳怡君台北28日電）衛生福利")?.text).toBe(
      "（中央社記者陳怡君台北28日電）",
    );
    expect(matchDateline("〔記者黃淑芬／澎湖報導〕海洋保育單位28")?.text).toBe("〔記者黃淑芬／澎湖報導〕");
  });

  it("gates the bracketed dateline in the line facts too", () => {
    const infos = describeLines([
      { id: "1", text: "〔記者黃淑芬／澎湖報導〕海洋保育單位28", gapBefore: "none" },
    ] as never);
    expect(infos[0]!.dateline?.text).toBe("〔記者黃淑芬／澎湖報導〕");
  });

  it("reads 記者X／台北報導 and 本報記者 bylines, and credits closing a paragraph", () => {
    expect(matchBylineLine("記者林志明／台北報導")).toBe("記者林志明／台北報導");
    expect(matchBylineLine("本報記者 吳詠詩")).toBe("本報記者 吳詠詩");
    expect(matchBylineLine("本報評論員")).toBe("本報評論員");
    expect(matchBylineEnd("以取代求醫。（記者 李嘉欣）")?.text).toBe("（記者 李嘉欣）");
  });

  it("reads 責任編輯, 第A6版, A12 港聞 and 民國 dates as furniture", () => {
    expect(matchFurniture("責任編輯：王美玲")).toBe("credit");
    expect(matchFurniture("第A6版 生活新聞")).toBe("folio");
    expect(matchFurniture("A12 港聞")).toBe("folio");
    expect(matchFurniture("中華民國113年11月28日 星期四")).toBe("running-head");
    expect(matchFurniture("2024年11月28日 週四")).toBe("running-head");
  });

  it("reads 下轉 jumps, 圖／ and 攝 credits, 圖： captions", () => {
    expect(isJumpLine("（下轉A8版）")).toBe(true);
    expect(hasPhotoCredit("肢體活動。（圖／記者林志明攝）")).toBe(true);
    expect(hasPhotoCredit("施工路線。（本報記者 何俊傑 攝）")).toBe(true);
    expect(hasPhotoCredit("生長情形。（圖／海洋保育署提供）")).toBe(true);
    expect(opensCaption("圖：捷運環狀線南段動工典禮現場")).toBe(true);
  });
});

describe("Indian English conventions", () => {
  it("reads service and agency bylines on their own line", () => {
    for (const b of [
      "Express News Service",
      "HT Correspondent",
      "Staff Reporter",
      "Our Special Correspondent",
      "PTI",
      "Press Trust of India",
    ])
      expect(matchBylineLine(b), b).toBe(b);
    expect(matchBylineLine("Heavy rain lashes coastal")).toBeNull();
  });

  it("reads colon datelines but no credit label as one", () => {
    expect(matchDateline("NEW DELHI: The Union government will")?.text).toBe("NEW DELHI:");
    expect(matchDateline("PHOTO: R. SENTHIL KUMAR")).toBeNull();
    expect(hasPhotoCredit("PHOTO: R. SENTHIL KUMAR")).toBe(true);
  });

  it("keeps an agency byline over its dateline apart from it", () => {
    const infos = describeLines([
      { id: "1", text: "PTI", gapBefore: "paragraph" },
      { id: "2", text: "CHENNAI: Heavy rain continued to lash", gapBefore: "none" },
    ] as never);
    expect(infos[0]!.dateline).toBeNull();
    expect(infos[1]!.dateline?.text).toBe("CHENNAI:");
  });
});
