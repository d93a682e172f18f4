import { describe, expect, it } from "vitest";
import {
  hasPhotoCredit,
  isBylineSequel,
  isJumpLine,
  matchBylineEnd,
  matchBylineLine,
  matchDateline,
  matchFurniture,
} from "./patterns.ts";

describe("matchDateline", () => {
  it.each([
    [" 科学导报讯 开局发力 ,起", "科学导报讯"],
    ["科学导报讯“管运分离”改革，是进一步", "科学导报讯"],
    ["新华社北京10月19日电中", "新华社北京10月19日电"],
    ["本报讯（记者 张明）近日，", "本报讯（记者 张明）"],
    ["中新网上海3月2日电 (记者 李华) 上海市", "中新网上海3月2日电 (记者 李华)"],
    ["WASHINGTON — Also in 1992, the", "WASHINGTON —"],
    ["NEW YORK (AP) — Stocks fell", "NEW YORK (AP) —"],
    ["BEIJING, Oct. 19 (Xinhua) -- China", "BEIJING, Oct. 19 (Xinhua) --"],
  ])("finds the dateline in %s", (line, want) => {
    expect(matchDateline(line)?.text).toBe(want);
  });

  it("marks a reporter credit the line leaves open", () => {
    expect(matchDateline("本报北京1月7日讯 〈记者")).toMatchObject({
      text: "本报北京1月7日讯 〈记者",
      open: true,
    });
  });

  it.each([
    "通过此次联审会，该化工项目",
    "The nation got a preview of",
    "NASA — the agency said",
    "A NASA F-15 based",
  ])("finds none in %s", (line) => {
    expect(matchDateline(line)).toBeNull();
  });
});

describe("matchBylineEnd", () => {
  it.each([
    ["的答卷。 王波", "王波"],
    ["营商环境。 刘记明", "刘记明"],
    ["小企业 833 家，占全省 18.6%。 李阳", "李阳"],
    ["聚合力。 白婧", "白婧"],
    ["提供了保障。（记者 张明 李华）", "（记者 张明 李华）"],
    ["发展新局面。 文/王波", "文/王波"],
  ])("finds the byline closing %s", (line, want) => {
    expect(matchBylineEnd(line)?.text).toBe(want);
  });

  it.each(["推动体制机制改革创新的重要途径，是增强", "的新样本。", "得了良好工作成效。"])(
    "finds none in %s",
    (line) => {
      expect(matchBylineEnd(line)).toBeNull();
    },
  );
});

describe("matchBylineLine", () => {
  it.each([
    "By EDWARD S. CAMPION",
    "Kenneth C. Atchison, Staff Writer",
    "本报记者 张明 李华",
    "文/王波",
    "By Mary Adams",
    "新华社记者 黄海 刘丹",
    "本报评论员",
    "人民日报评论员",
    "Laura Bennett, Local Government Correspondent",
  ])("accepts %s", (line) => {
    expect(matchBylineLine(line)).toBe(line);
  });

  it("accepts a bare name only when asked", () => {
    expect(matchBylineLine("王波")).toBeNull();
    expect(matchBylineLine("王波", true)).toBe("王波");
    expect(matchBylineLine("周敏 黄磊", true)).toBe("周敏 黄磊");
    expect(matchBylineLine("欧阳娜", true)).toBe("欧阳娜");
  });

  it.each(["生态美 候鸟来", "新时代", "候鸟来"])(
    "takes %s, which opens with no surname, for no name",
    (line) => {
      expect(matchBylineLine(line, true)).toBeNull();
    },
  );

  it.each(["Associated Press", "Staff Writer", "Times Staff Writer", "The New York Times", "Bloomberg"])(
    "%s may go on a By line",
    (line) => {
      expect(isBylineSequel(line)).toBe(true);
    },
  );

  it.each(["The plan was approved", "Lawmakers return on Monday", "the Associated Press said"])(
    "%s goes on no By line",
    (line) => {
      expect(isBylineSequel(line)).toBe(false);
    },
  );

  it.each(["By the end of the year, prices rose.", "Space Technology", "长治高新产业技术开发区"])(
    "rejects %s",
    (line) => {
      expect(matchBylineLine(line)).toBeNull();
    },
  );
});

describe("matchFurniture", () => {
  it.each([
    ["第6版", "folio"],
    ["A4", "folio"],
    ["D2 THE WEEKLY TRIBUNE", "folio"],
    ["2021年10月20日 星期三", "running-head"],
    ["TUESDAY, DECEMBER 29, 1992", "running-head"],
    ["责任编辑：王波", "credit"],
    ["版式设计：刘洋", "credit"],
    ["第3版 综合新闻", "folio"],
    ["4 国内新闻", "folio"],
    ["8 NEWS", "folio"],
    ["SPORTS 12", "folio"],
    ["The Courier Friday 29 November 2024", "running-head"],
    ["Friday 29 November 2024", "running-head"],
    ["A4 | THE DAILY COURIER | FRIDAY, NOVEMBER 29, 2024", "running-head"],
  ])("classifies %s", (line, kind) => {
    expect(matchFurniture(line)).toBe(kind);
  });

  it.each([
    "要闻",
    "2 月 8",
    "氢能全产业链布局领跑全国",
    "In 1992, NASA's aeronautics research took on",
    "the Soldiers’ National Cemetery, Nov. 19, 1863",
    "Cemetery, Nov. 19, 1863",
    "3 个月后",
    "12 people were hurt",
    "OR 11",
  ])("leaves %s alone", (line) => {
    expect(matchFurniture(line)).toBeNull();
  });
});

describe("isJumpLine / hasPhotoCredit", () => {
  it.each([
    "下转第4版",
    "（上接第一版）",
    "Continued on Page 4",
    "See FLIGHT, Page A6",
    "From Page A1",
    "FROM PAGE 1",
  ])("%s is a jump line", (line) => {
    expect(isJumpLine(line)).toBe(true);
  });

  it.each(["Office of Aeronautics. (NASA photo)", "华社发", "（新华社记者 李明 摄）", "Photo by Jane Doe"])(
    "%s has a photo credit",
    (line) => {
      expect(hasPhotoCredit(line === "华社发" ? "新华社发" : line)).toBe(true);
    },
  );

  it("a sentence naming a page is no jump line", () => {
    expect(isJumpLine("From page one, the story ran for weeks.")).toBe(false);
  });

  it("a plain sentence has no credit", () => {
    expect(hasPhotoCredit("工人正在检测订单产品。")).toBe(false);
  });
});
