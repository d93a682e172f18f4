import { describe, expect, it } from "vitest";
import { textStream } from "../test-support/stream-builder.ts";
import { assembleStream } from "./assemble-stream.ts";

const ids = (lines: string[]) => lines.map(Number);

describe("assembleStream", () => {
  it("attaches a title that follows its body when the stream ends with one", () => {
    const { articles } = assembleStream(
      textStream(
        "科学导报讯 开发区发展氢能产业优势得天独厚，",
        "氢源充足、成本低廉且应用场景广泛。近三年",
        "来，全力构建氢能全产业链生态。 郑婷",
        "",
        "孝义经济开发区",
        "",
        "氢能全产业链布局领跑全国",
      ),
    );
    expect(articles).toHaveLength(1);
    expect(articles[0]!.kicker?.text).toBe("孝义经济开发区");
    expect(articles[0]!.headline?.text).toBe("氢能全产业链布局领跑全国");
    expect(articles[0]!.byline).toMatchObject({ text: "郑婷", inline: "end" });
    expect(articles[0]!.dateline).toMatchObject({ text: "科学导报讯", inline: "start" });
  });

  it("opens the body at a line set at the paragraph indent under a byline, however short", () => {
    // A British page with kept indents and no blank lines: the first body line wraps short and
    // reads like a title line ("Margaret Ellis, who has died aged" / "91, was among …").
    const { articles } = assembleStream(
      textStream(
        "Ministers to unveil plan to",
        "cut hospital waiting lists",
        "By Jane Holloway, Health Editor",
        "  Patients waiting more than a year for",
        "routine operations will be offered trea-",
        "tment at private clinics at no cost.",
        "  The scheme, which officials say could",
        "clear 300,000 cases within two years, will",
        "be paid for from an existing budget.",
        "OBITUARY",
        "Margaret Ellis",
        "By Thomas Reid",
        "  Margaret Ellis, who has died aged",
        "91, was among the first women to lead",
        "the design of a major suspension bridge.",
        "  Born in Leeds in 1933, the daughter",
        "of a railway clerk, she won a scholar-",
        "ship to study mathematics in London.",
      ),
    );
    expect(articles).toHaveLength(2);
    expect(articles[1]!.kicker?.text).toBe("OBITUARY");
    expect(articles[1]!.headline?.text).toBe("Margaret Ellis");
    expect(articles[1]!.byline?.text).toBe("By Thomas Reid");
    expect(articles[1]!.paragraphs[0]!.text).toMatch(/^Margaret Ellis, who has died aged 91/);
  });

  it("attaches a title that leads its body when the stream starts with one", () => {
    const { articles } = assembleStream(
      textStream(
        "Library to extend hours",
        "",
        "By TOM BAKER",
        "",
        "SPRINGFIELD — Four branches of the public",
        "library will stay open until 8 p.m. on",
        "Saturdays, officials announced Tuesday.",
      ),
    );
    expect(articles).toHaveLength(1);
    expect(articles[0]!.headline?.text).toBe("Library to extend hours");
    expect(articles[0]!.byline?.text).toBe("By TOM BAKER");
    expect(articles[0]!.dateline?.text).toBe("SPRINGFIELD —");
  });

  it("reads a deck that wraps at commas, set apart between a headline and the byline", () => {
    const { articles } = assembleStream(
      textStream(
        "From the Archives",
        "",
        "Address at Gettysburg",
        "",
        "The President’s remarks at the dedication of",
        "the Soldiers’ National Cemetery, Nov. 19,",
        "1863",
        "",
        "Ana Souza, Staff Writer",
        "",
        "   SPRINGFIELD — Four score and seven years",
        "ago our fathers brought forth on this continent,",
        "a new nation, conceived in Liberty.",
      ),
    );
    expect(articles).toHaveLength(1);
    expect(articles[0]!.kicker?.text).toBe("From the Archives");
    expect(articles[0]!.headline?.text).toBe("Address at Gettysburg");
    expect(ids(articles[0]!.subheadline?.lines ?? [])).toEqual([5, 6, 7]);
    expect(articles[0]!.byline?.text).toBe("Ana Souza, Staff Writer");
    expect(articles[0]!.dateline?.text).toBe("SPRINGFIELD —");
  });

  it("reads a word or two above a longer title group as its kicker, not a headline over a deck", () => {
    const { articles } = assembleStream(
      textStream(
        "Transportation",
        "",
        "Bridge repairs to",
        "close river crossing",
        "for six weeks",
        "",
        "By ANA SOUZA",
        "",
        "   PORTLAND, Ore. — The Main Street bridge",
        "will close to traffic for six weeks of repairs.",
      ),
    );
    expect(articles[0]!.kicker?.text).toBe("Transportation");
    expect(articles[0]!.headline?.text).toBe("Bridge repairs to close river crossing for six weeks");
    expect(articles[0]!.subheadline).toBeNull();
  });

  it("never ends an article inside one paragraph region of the source (PAGE)", () => {
    // As on the Reichsanzeiger page: two centred lines over a wider body, in one paragraph region.
    const line = (id: string, text: string, measure: number, fill: number, gap: "block" | "line") => ({
      id,
      text,
      measure,
      fill,
      gapBefore: gap,
      roleHint: "body" as const,
    });
    const stream = [
      line("1", "Deutsches Reich.", 631, 1, "block"),
      line("2", "Aufruf.", 631, 0.48, "line"),
      line("3", "Die neue Regierung hat die Führung der Geschäfte über-", 1576, 0.84, "block"),
      line("4", "nommen, um das deutsche Volk vor Bürgerkrieg und Hungers-", 1576, 0.9, "line"),
      line("5", "not zu bewahren und seine berechtigten Forderungen auf Selbst-", 1576, 0.9, "line"),
      line("6", "bestimmung durchzusetzen.", 1576, 0.4, "line"),
    ];
    // Without regions, a short closed line over a much wider measure ends a unit.
    expect(assembleStream(stream).articles.length).toBeGreaterThan(1);
    const inRegion = stream.map((l) => ({ ...l, region: "r15", regionType: "paragraph" }));
    const { articles } = assembleStream(inRegion);
    expect(articles).toHaveLength(1);
    expect(articles[0]!.paragraphs).toHaveLength(1);
  });

  it("reads a number alone on a line of body text as text, not as a folio", () => {
    const line = (id: string, text: string, roleHint?: "body") => ({
      id,
      text,
      gapBefore: "line" as const,
      ...(roleHint ? { roleHint } : {}),
    });
    const lines = [
      line("1", "2) Waren des Abschnitts XII des Zolltarifs, deren Durchfuhr"),
      line("2", "verboten ist, Nummer"),
      line("3", "708"),
      line("4", "3) Waren des Abschnitts XIII des Zolltarifs, deren Durch-"),
    ];
    // Without evidence of body text, a bare number set apart is a folio.
    expect(assembleStream(lines).other.map((b) => b.lines)).toEqual([["3"]]);
    const body = lines.map((l) => ({ ...l, roleHint: "body" as const }));
    expect(assembleStream(body).other).toEqual([]);
  });

  it("cuts two articles at a dateline after a closed sentence", () => {
    const { articles } = assembleStream(
      textStream(
        "本报讯 今年一季度，全市规模以上工业增加值同比",
        "增长8.2%，增速高于全省平均水平。",
        "本报讯 眼下正值春耕备耕关键时期，各地抢抓农",
        "时，田间地头一派繁忙景象。",
      ),
    );
    expect(articles.map((a) => ids(a.paragraphs.flatMap((p) => p.lines)))).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it("puts furniture and jump lines in other, never in an article", () => {
    const { articles, other } = assembleStream(
      textStream(
        "第3版",
        "",
        "2025年3月12日 星期三",
        "",
        "春耕备耕有序推进",
        "",
        "本报讯 眼下正值春耕备耕关键时期，各地抢抓农",
        "时，组织农民开展土地平整和农资调运。",
        "",
        "（下转第4版）",
      ),
    );
    expect(other.map((b) => [b.text, b.kind])).toEqual([
      ["第3版", "folio"],
      ["2025年3月12日 星期三", "running-head"],
      ["（下转第4版）", "jump"],
    ]);
    expect(articles[0]!.headline?.text).toBe("春耕备耕有序推进");
  });

  it("reads a running head stacked without blank lines, and a production credit under a title", () => {
    const { articles, other } = assembleStream(
      textStream(
        "华夏日报",
        "2024年11月29日 星期五",
        "要闻",
        "第4版",
        "",
        "全国铁路实行新的列车运行图",
        "",
        "本报讯（记者 王雪松）全国铁路自本月起实行新的",
        "列车运行图，运输能力进一步提升。",
        "",
        "责任编辑：陈静",
        "版式设计：刘洋",
      ),
    );
    expect(other.map((b) => [b.text, b.kind])).toEqual([
      ["华夏日报", "section"],
      ["2024年11月29日 星期五", "running-head"],
      ["要闻", "section"],
      ["第4版", "folio"],
      ["责任编辑：陈静", "credit"],
      ["版式设计：刘洋", "credit"],
    ]);
    expect(articles).toHaveLength(1);
    expect(articles[0]!.headline?.text).toBe("全国铁路实行新的列车运行图");
  });

  it("keeps a production credit set right under a title out of the title", () => {
    const { articles, other } = assembleStream(
      textStream(
        "本报讯 工业和信息化部、财政部近日联合",
        "公布第三批中小企业数字化转型试点城市名",
        "单，36个城市入选。至此，试点城市总数达",
        "到100个。（记者 何平）",
        "中小企业数字化转型试点扩围",
        "责任编辑：李华",
      ),
    );
    expect(other.map((b) => b.text)).toEqual(["责任编辑：李华"]);
    expect(articles[0]!.headline?.text).toBe("中小企业数字化转型试点扩围");
  });

  it("reads a title whose deck wraps in lower case over a By line, with no blank lines anywhere", () => {
    const { articles } = assembleStream(
      textStream(
        "Councillors voted by 14 to 9 on Tuesday night",
        "to build protected cycle lanes along two of",
        "the town's busiest roads, ending a year of",
        "consultation and heated public meetings.",
        "OBITUARY",
        "Margaret Ellis",
        "Bridge engineer who broke barriers for",
        "women in her profession",
        "By Thomas Reid",
        "Margaret Ellis, who has died aged 91, was",
        "among the first women to lead the design of",
        "a major suspension bridge, and spent much of",
        "her later career campaigning for engineers.",
      ),
    );
    expect(articles).toHaveLength(2);
    expect(articles[1]!.kicker?.text).toBe("OBITUARY");
    expect(articles[1]!.headline?.text).toBe("Margaret Ellis");
    expect(articles[1]!.subheadline?.lines).toEqual(["7", "8"]);
    expect(articles[1]!.byline?.text).toBe("By Thomas Reid");
  });

  it("takes a two-line byline set tight over the text, where blank lines set titles apart", () => {
    const { articles } = assembleStream(
      textStream(
        "The final will be played in May, the league",
        "said on Sunday after the draw was made.",
        "",
        "School districts struggle",
        "to fill bus driver jobs",
        "",
        "By Sarah Klein",
        "Staff Writer",
        "School districts across the state are offering",
        "signing bonuses, free training and higher pay",
        "to recruit bus drivers this winter.",
        "",
        "In some districts, students have been waiting",
        "up to an hour for buses in the morning.",
      ),
    );
    expect(articles).toHaveLength(2);
    expect(articles[1]!.headline?.lines).toEqual(["4", "5"]);
    expect(articles[1]!.byline?.lines).toEqual(["7", "8"]);
  });

  it("reads a sentence-case headline wrapped in lower case under a double-spaced stream's ordinary leading", () => {
    const double = (...lines: string[]) => lines.flatMap((l) => [l, ""]).slice(0, -1);
    const { articles } = assembleStream(
      textStream(
        ...double(
          "A header in the final minute of extra",
          "time sent the second-division side into",
          "their first cup final in almost forty",
          "years, and their travelling supporters",
          "onto the pitch at the final whistle.",
          "Underdogs reach cup",
          "final with late winner",
        ),
      ),
    );
    expect(articles).toHaveLength(1);
    expect(articles[0]!.headline?.text).toBe("Underdogs reach cup final with late winner");
    expect(articles[0]!.paragraphs).toHaveLength(1);
  });

  it("reads a deck set tight under a headline that follows its body, ended by a short line closing nothing", () => {
    const { articles } = assembleStream(
      textStream(
        "DES MOINES, Iowa — A fast-moving storm swept",
        "across the Midwest overnight, toppling trees",
        "and power lines and leaving more than 200,000",
        "homes without electricity, officials said.",
        "By Ellen Cho",
        "Storm knocks out power",
        "to thousands across",
        "the Midwest",
        "Utility crews from six states help crews to",
        "restore service",
        "Astronomers using a space telescope have found",
        "water vapour in the atmosphere of a planet that",
        "orbits a small star about 97 light years away,",
        "a finding that will sharpen the search for life.",
        "Telescope spots water",
        "vapour around distant planet",
      ),
    );
    expect(articles).toHaveLength(2);
    expect(articles[0]!.headline?.lines).toEqual(["6", "7", "8"]);
    expect(articles[0]!.subheadline?.lines).toEqual(["9", "10"]);
    expect(articles[0]!.byline?.text).toBe("By Ellen Cho");
    expect(articles[1]!.paragraphs[0]!.lines[0]).toBe("11");
    expect(articles[1]!.headline?.lines).toEqual(["15", "16"]);
  });

  it("reads a headline going on in lower case over the full measure, and its deck, as one title group", () => {
    const { articles } = assembleStream(
      textStream(
        "DES MOINES, Iowa — A fast-moving",
        "storm swept across the Midwest",
        "overnight, toppling trees and power",
        "lines, officials said on Sunday.",
        "By Ellen Cho",
        "Storm knocks out power to",
        "thousands across the Midwest",
        "Utility crews from six states help restore",
        "service",
        "Astronomers using a space tele-",
        "scope have found water vapour in",
        "the atmosphere of a planet that",
        "orbits a small star, a finding",
        "that will sharpen the search.",
        "Telescope spots water",
        "vapour around distant planet",
      ),
    );
    expect(articles).toHaveLength(2);
    expect(articles[0]!.headline?.lines).toEqual(["6", "7"]);
    expect(articles[0]!.subheadline?.lines).toEqual(["8", "9"]);
    expect(articles[1]!.paragraphs[0]!.lines[0]).toBe("10");
    expect(articles[1]!.headline?.lines).toEqual(["15", "16"]);
  });

  it("reads the lines after a credit closing a body as a title up to where a sentence opens, with no dateline after it", () => {
    const body = [
      "State education officials said they had",
      "shortened the licensing process and were",
      "working with community colleges to offer",
      "courses in the evenings and on weekends.",
    ];
    const next = [
      "A header in the final minute of extra time",
      "sent the second-division side into their",
      "first cup final in almost forty years, and",
      "their supporters onto the pitch at the end.",
    ];
    const { articles } = assembleStream(
      textStream(
        ...[
          ...body,
          "By Sarah Klein",
          "School districts across the state struggle to",
          "fill bus driver jobs",
          ...next,
        ].flatMap((l) => [l, ""]),
      ),
    );
    expect(articles[0]!.byline?.text).toBe("By Sarah Klein");
    expect(articles[0]!.headline?.text).toBe(
      "School districts across the state struggle to fill bus driver jobs",
    );
    expect(articles[1]!.paragraphs[0]!.text.startsWith("A header")).toBe(true);
  });

  it("reads two lines under a title closing no sentence, the first running past the measure, as its deck", () => {
    const { articles } = assembleStream(
      textStream(
        ...[
          "Negotiators narrowed their differences on",
          "defense and disaster relief but remained",
          "far apart on domestic programs, aides said",
          "after a long day of talks on the Hill.",
          "Congress faces crowded",
          "calendar as funding",
          "deadline nears",
          "Leaders in both parties now say that a short-term",
          "spending bill is the likeliest outcome",
          "School districts across the state are",
          "offering signing bonuses and higher pay",
          "to recruit bus drivers, as a shortage that",
          "began in the pandemic shows little sign of",
          "easing, officials said on Tuesday morning.",
        ].flatMap((l) => [l, ""]),
      ),
    );
    const titled = articles.find((a) => a.headline)!;
    expect(titled.headline?.text).toBe("Congress faces crowded calendar as funding deadline nears");
    expect(titled.subheadline?.text).toBe(
      "Leaders in both parties now say that a short-term spending bill is the likeliest outcome",
    );
  });

  // A title group ends on no small word; and a lower-case run-on set tight under a short line
  // is text going on when it ends on one, whether or not it fills the measure.
  it.each([
    [
      "lines going on from a short title line into text are text",
      "organizational structure was set up and an",
    ],
    [
      "a lower-case run-on under a short line ending on a small word is no title",
      "structure was set up and an",
    ],
  ])("ends no title group on a small word: %s", (_, runOn) => {
    const { articles } = assembleStream(
      textStream(
        "The office was set up to improve the way the agency",
        "approaches the transfer of advanced technology, as",
        "well as the commercialization of space technologies.",
        "",
        "An interim",
        runOn,
        "office was formed to",
        "",
        "Organizational Process Action Team members said",
        "they would report on the plan within the month.",
      ),
    );
    expect(articles.every((a) => a.headline === null)).toBe(true);
  });

  it("reads a deck that fills the measure as the title's where a blank line, not a full stop, ends it", () => {
    const { articles } = assembleStream(
      textStream(
        "Patients waiting more than a year for routine",
        "operations will be offered treatment at private",
        "clinics under a plan announced by ministers.",
        "By Jane Holloway, Health Editor",
        "Ministers to unveil plan",
        "to cut waiting lists",
        "Private clinics will treat patients free of",
        "charge under the scheme set out on Tuesday",
        "",
        "Councillors voted by 14 to 9 on Tuesday night",
        "to build protected cycle lanes along two of",
        "the town's busiest roads, ending a year of",
        "consultation and heated public meetings.",
        "Town council approves",
        "new cycle lanes",
      ),
    );
    expect(articles).toHaveLength(2);
    expect(articles[0]!.headline?.lines).toEqual(["5", "6"]);
    expect(articles[0]!.subheadline?.lines).toEqual(["7", "8"]);
    expect(articles[1]!.paragraphs[0]!.lines[0]).toBe("10");
  });

  it("reads two short lines closing no sentence between two bodies as a title, with no byline or dateline", () => {
    const { articles } = assembleStream(
      textStream(
        "A stopgap measure would keep agencies funded at",
        "current levels, a prospect that military leaders",
        "have warned would delay new contracts and some",
        "training programs across the armed services.",
        "Congress faces crowded",
        "calendar as deadline nears",
        "School districts across the state are offering",
        "signing bonuses, free training and higher pay to",
        "recruit bus drivers, as a shortage that began in",
        "the pandemic shows little sign of easing at all.",
        "Districts struggle to",
        "fill bus driver jobs",
      ),
    );
    expect(articles).toHaveLength(2);
    expect(articles[0]!.headline?.lines).toEqual(["5", "6"]);
    expect(articles[0]!.paragraphs[0]!.lines).toEqual(["1", "2", "3", "4"]);
    expect(articles[1]!.headline?.lines).toEqual(["11", "12"]);
  });

  it("reads the title after a credit running over two lines that closes a body, on a tight page", () => {
    // No blank lines, kept indents: "By Sarah Klein" / "Staff Writer" closes the article above,
    // and the lines after the credit, not the credit's second line, open its title — though
    // the title's first line runs near the measure and ends on "to".
    const { articles } = assembleStream(
      textStream(
        "  State education officials said",
        "they had shortened the licensing",
        "process and were working with",
        "community colleges to offer cou-",
        "rses in the evenings and on wee-",
        "kends.",
        "By Sarah Klein",
        "Staff Writer",
        "School districts struggle to",
        "fill bus driver jobs",
        "  Patients waiting more than a year",
        "for routine operations will be offered",
        "treatment at private clinics at no",
        "cost, under plans to be announced by",
      ),
    );
    expect(articles).toHaveLength(2);
    expect(articles[0]!.byline?.text).toBe("By Sarah Klein Staff Writer");
    expect(articles[0]!.headline?.text).toBe("School districts struggle to fill bus driver jobs");
    expect(articles[1]!.byline).toBeNull();
    expect(articles[1]!.paragraphs[0]!.text).toMatch(/^Patients waiting/);
  });

  it("reads a title group ending the stream after a closed body as its title, where titles follow their bodies", () => {
    // Double-spaced, no blank lines but the rhythm's: the first title ("By Ellen Cho" / "Storm
    // knocks out power") shows that titles follow; the last title's first line runs near the
    // measure like text, and nothing follows it.
    const { articles } = assembleStream(
      textStream(
        ...[
          "Forecasters expect colder and drier",
          "weather for the rest of the week, with",
          "frost likely in the valleys overnight.",
          "By Ellen Cho",
          "Storm knocks out power",
          "A header in the final minute of extra",
          "time sent the second-division side into",
          "their first cup final in almost forty",
          "years, and their supporters onto the",
          "pitch at the end of the night.",
          "Their manager said he would let the",
          "players celebrate for one night before",
          "turning their attention to the league.",
          "Second-division side reach final",
          "with late winner",
        ].flatMap((l) => [l, ""]),
      ),
    );
    expect(articles).toHaveLength(2);
    expect(articles[0]!.headline?.text).toBe("Storm knocks out power");
    expect(articles[1]!.headline?.text).toBe("Second-division side reach final with late winner");
    expect(articles[1]!.paragraphs.at(-1)!.text).toMatch(/attention to the league\.$/);
  });

  it("reads a By line set between a closed body and a title as closing the article above", () => {
    const { articles } = assembleStream(
      textStream(
        "",
        "Councillors voted by 14 to 9 on Tuesday night",
        "to build protected cycle lanes along two of",
        "the town's busiest roads, ending a year of",
        "consultation and heated public meetings.",
        "",
        "By Laura Bennett",
        "",
        "Council settles dispute",
        "",
        "Patients waiting more than a year for routine",
        "operations will be offered treatment at private",
        "clinics under a plan announced by ministers.",
        "",
        "By Jane Holloway",
        "",
        "Plan to speed surgery",
        "",
        "Forecasters expect colder, drier weather for",
        "the rest of the week across the whole region.",
      ),
    );
    expect(articles).toHaveLength(3);
    expect(articles[0]!.headline?.text).toBe("Council settles dispute");
    expect(articles[0]!.byline?.text).toBe("By Laura Bennett");
    expect(articles[1]!.headline?.text).toBe("Plan to speed surgery");
    expect(articles[2]!.headline).toBeNull();
  });

  it("reads a reporter's credit broken inside its bracket at an article's end as one byline", () => {
    const { articles } = assembleStream(
      textStream(
        "　　本报讯 工业和信息化部、财政部",
        "近日联合公布第三批试点城市名单，36",
        "个城市入选。至此，试点城市总数达到",
        "100个，覆盖全部省份。（记",
        "者 何平）",
        "中小企业数字化转",
        "型城市试点扩围",
      ),
    );
    expect(articles).toHaveLength(1);
    expect(articles[0]!.byline).toMatchObject({ text: "（记者 何平）", lines: ["4", "5"], inline: "end" });
    expect(articles[0]!.headline?.lines).toEqual(["6", "7"]);
    expect(articles[0]!.paragraphs[0]!.lines.at(-1)).toBe("5");
  });

  it("reads the lines between a closing credit and the next dateline as the title across a caption or furniture", () => {
    const { articles, captions } = assembleStream(
      textStream(
        "　　本报讯 石门小学校长说，学校还将利",
        "用这一平台开展教师培训，提升乡村教师",
        "的教学水平。（记者 马超）",
        "山区小学用上“双师课堂”城乡",
        "学生同上一堂课共享优质资源",
        "图为石门小学学生通过大屏幕参加",
        "“双师课堂”。（本报记者 马超 摄）",
        "　　本报讯 近日，全县首届农民丰收节文",
        "艺汇演在城南广场举行，节目全部由农民",
        "自编自演。 郭婷",
        "首届农民丰收节文艺汇演在城南举行",
        "责任编辑：李华",
      ),
    );
    expect(captions).toHaveLength(1);
    expect(articles).toHaveLength(2);
    expect(articles[0]!.headline?.lines.concat(articles[0]!.subheadline?.lines ?? [])).toEqual(["4", "5"]);
    expect(articles[1]!.headline?.lines).toEqual(["11"]);
  });

  it("reads a By line broken inside the name as one byline, closing a body or leading one", () => {
    const after = assembleStream(
      textStream(
        "Forecasters expect colder, drier weather for",
        "the rest of the week across the whole region.",
        "By Ellen",
        "Cho",
        "Storm knocks out power",
        "to thousands across the Midwest",
      ),
    ).articles;
    expect(after).toHaveLength(1);
    expect(after[0]!.byline).toMatchObject({ text: "By Ellen Cho", lines: ["3", "4"] });
    expect(after[0]!.headline?.lines).toEqual(["5", "6"]);
    const first = assembleStream(
      textStream(
        "Library to extend hours",
        "",
        "By TOM",
        "BAKER",
        "Staff Writer",
        "",
        "SPRINGFIELD — Four branches of the public",
        "library will stay open until 8 p.m. on",
        "Saturdays, officials announced Tuesday.",
      ),
    ).articles;
    expect(first).toHaveLength(1);
    expect(first[0]!.byline).toMatchObject({ text: "By TOM BAKER Staff Writer", lines: ["3", "4", "5"] });
    const untitled = assembleStream(
      textStream(
        "By Ellen",
        "Cho",
        "Forecasters expect colder, drier weather for",
        "the rest of the week across the whole region.",
      ),
    ).articles;
    expect(untitled[0]!.byline).toMatchObject({ text: "By Ellen Cho", lines: ["1", "2"] });
    expect(untitled[0]!.paragraphs.flatMap((p) => p.lines)).toEqual(["3", "4"]);
  });

  it("reads a label set apart under the running head but tight over a headline as the kicker", () => {
    const { articles, other } = assembleStream(
      textStream(
        "A4 | THE DAILY COURIER | FRIDAY, NOVEMBER 29, 2024",
        "NATION & WORLD",
        "",
        "ANALYSIS",
        "Congress faces crowded",
        "calendar as deadline nears",
        "",
        "By JANE DOE",
        "",
        "WASHINGTON (AP) — Lawmakers return from their",
        "holiday recess on Monday with less than three",
        "weeks to pass a spending bill and avoid a partial",
        "government shutdown, aides said on Sunday.",
      ),
    );
    expect(other.map((b) => b.text)).toEqual([
      "A4 | THE DAILY COURIER | FRIDAY, NOVEMBER 29, 2024",
      "NATION & WORLD",
    ]);
    expect(articles[0]!.kicker?.text).toBe("ANALYSIS");
    expect(articles[0]!.headline?.lines).toEqual(["5", "6"]);
  });

  it("keeps a caption with a photo credit out of the article", () => {
    const { articles, captions } = assembleStream(
      textStream(
        "In June, the council voted to repair the",
        "bridge before winter.",
        "",
        "Crews inspect the bridge. (Photo by Ken Ito)",
        "",
        "The work will take six weeks.",
      ),
    );
    expect(captions.map((c) => c.lines)).toEqual([["4"]]);
    expect(articles.flatMap((a) => a.paragraphs.flatMap((p) => p.lines))).not.toContain("4");
  });

  it("takes a caption's sentence with the credit set alone under it", () => {
    const { articles, captions } = assembleStream(
      textStream(
        "Utility officials said crews from six states had",
        "been called in to help restore power by Thursday.",
        "",
        "Volunteers fill sandbags",
        "along the river in",
        "Davenport, Iowa, on Tuesday.",
        "(Photo: Getty Images)",
        "",
        "图为越冬候鸟在鄱阳湖湿地觅食。",
        "新华社记者 黄海 摄",
      ),
    );
    expect(captions.map((c) => c.lines)).toEqual([
      ["4", "5", "6", "7"],
      ["9", "10"],
    ]);
    expect(articles.flatMap((a) => a.paragraphs.flatMap((p) => p.lines))).toEqual(["1", "2"]);
  });

  it("does not take a stray lower-case fragment for a title", () => {
    const { articles } = assembleStream(
      textStream(
        "NASA's research in 1992 stressed new methods",
        "that robots and humans eventually may use",
        "",
        "remote",
        "",
        "to explore the moon and Mars.",
      ),
    );
    expect(articles).toHaveLength(1);
    expect(articles[0]!.headline).toBeNull();
  });

  it("places every line in exactly one block", () => {
    const stream = textStream(
      "A4",
      "",
      "Headline Here",
      "",
      "By MARY ADAMS",
      "",
      "BOSTON — Text of the story.",
    );
    const { articles, captions, other } = assembleStream(stream);
    const placed = [
      ...articles.flatMap((a) =>
        [a.kicker, a.headline, a.subheadline, ...a.paragraphs, a.byline?.inline ? null : a.byline].flatMap(
          (b) => b?.lines ?? [],
        ),
      ),
      ...captions.flatMap((c) => c.lines),
      ...other.flatMap((o) => o.lines),
    ].sort();
    expect(placed).toEqual(stream.map((l) => l.id).sort());
  });
});
