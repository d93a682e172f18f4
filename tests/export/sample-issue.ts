import type { IssueInput } from "@galley/export";
import { article, issue, page } from "./builder.ts";

/** Text an OCR engine can really produce on a bad scan: markup, entities, quotes, control characters, broken UTF-16. */
export const nastyText =
  `<script>alert("x")</script> & &amp; 'single' "double" ]]> --> <!-- \u0000\u0007\u000B\u001F\u007F\u0085 ` +
  `lone \uD800 high and \uDC00 low, tab\there, a \uFFFE noncharacter, * not a list _ not emphasis [link](x) ` +
  "`code` | pipe ~strike~ \\ backslash key: value # hash";

/**
 * The test issue: a Chinese page (inline dateline at the start, byline at the end), an
 * English page with geometry (own-line dateline and byline, a caption, a section flag), and a
 * page of nasty text in every role.
 */
export function sampleIssue(): IssueInput {
  return issue(
    "Galley Test Gazette & <Co>",
    "2024-05-01",
    "zh-CN",
    page(
      1,
      { language: "zh", section: "要闻" },
      article({
        kicker: "聚焦高质量发展",
        headline: "科技创新引领产业升级",
        subheadline: "全省重点项目开局良好",
        dateline: { text: "科学导报讯", inline: "start" },
        byline: { text: "王波", inline: "end" },
        body: [
          "科学导报讯 开局发力，全省一季度重点项目建设进展顺利，新开工项目数量同比增长，投资结构持续优化。",
          "据了解，今年以来各地坚持项目为王，聚焦“卡脖子”技术攻关，推动创新链产业链深度融合，交出了一份亮眼的答卷。 王波",
        ],
        captions: ["图为项目建设现场。（资料图）"],
        status: "approved",
      }),
      article({
        headline: "春耕时节农机忙",
        body: ["眼下正值春耕时节，田间地头一派繁忙景象，大型农机穿梭作业。", "农技人员深入一线指导生产。"],
        status: "corrected",
      }),
    ),
    page(
      2,
      { language: "en", geometry: true, section: "World" },
      article({
        kicker: "ELECTION 2024",
        headline: "Council approves new bridge over the river",
        subheadline: "Construction to begin in the spring",
        dateline: "SPRINGFIELD (AP) —",
        byline: "By MARY ADAMS",
        body: [
          "The town council yesterday approved the long-awaited bridge, ending a decade of debate about the crossing.",
          "Work is expected to start in March and to take two years, the mayor said.",
        ],
        captions: ["The old ferry landing, photographed in 1998."],
        status: "approved",
      }),
      article({
        headline: "Weather",
        dateline: { text: "LONDON —", inline: "start" },
        body: ["LONDON — Rain is expected across the region through the weekend."],
      }),
    ),
    page(
      3,
      { language: "en", section: `Section ${nastyText}` },
      article({
        kicker: nastyText,
        headline: nastyText,
        subheadline: nastyText,
        dateline: nastyText,
        byline: nastyText,
        body: [nastyText, "# not a heading", "1. not a list", "- not a list either", `---\nfront: matter`],
        captions: [nastyText],
      }),
      article({
        body: ["An article with no headline at all, only a body paragraph that goes on for a while."],
      }),
    ),
  );
}
