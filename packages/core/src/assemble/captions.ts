import type { LineInfo } from "../lines/line-info.ts";
import { hasPhotoCredit } from "../lines/patterns.ts";
import { joinLines } from "../text/join.ts";
import { isBreakGap, type LineKind } from "./line-kind.ts";

/**
 * Photo captions: lines the source labels as captions, a block ending in a photo credit
 * ("新华社发", "（记者 X 摄）", "(NASA photo)"), or a short run set in a measure much narrower
 * than the page's body text. Returns caption groups (line indexes) and marks them in `kinds`.
 */
export function markCaptions(
  infos: readonly LineInfo[],
  kinds: LineKind[],
  dominantMeasure: number,
): number[][] {
  const groups: number[][] = [];
  const taken = new Set<number>();
  const add = (group: number[]) => {
    if (group.length === 0) return;
    for (const j of group) taken.add(j);
    groups.push(group);
  };
  // A line the source itself labels body text (a PAGE paragraph region) is never a caption.
  const free = (i: number) => !taken.has(i) && kinds[i] === "body" && infos[i]!.line.roleHint !== "body";

  let hinted: number[] = [];
  infos.forEach((x, i) => {
    if (x.line.roleHint !== "caption" || !free(i)) {
      add(hinted);
      hinted = [];
      return;
    }
    const last = hinted.at(-1);
    if (last !== undefined && (isBreakGap(x) || x.line.region !== infos[last]!.line.region)) {
      add(hinted);
      hinted = [];
    }
    hinted.push(i);
  });
  add(hinted);

  infos.forEach((x, i) => {
    if (!free(i)) return;
    const prev = infos[i - 1];
    if (x.opensCaption && (i === 0 || isBreakGap(x) || infos[i - 1]!.endsSentence))
      add(captionAfter(infos, i, free));
    else if (x.credit) add(captionBefore(infos, i, free));
    else if (
      prev !== undefined &&
      !prev.credit &&
      creditish.test(x.text) &&
      free(i - 1) &&
      hasPhotoCredit(joinLines([prev.text, x.text]))
    ) {
      // A credit broken over two lines ("……编辑部。新" / "华社发"): both lines are the caption's.
      add([...captionBefore(infos, i - 1, free), i]);
    }
  });

  if (dominantMeasure > 0) {
    let run: number[] = [];
    const flush = () => {
      if (run.length === 0) return;
      const chars = run.reduce((s, j) => s + infos[j]!.chars, 0);
      const marked = run.some((j) => infos[j]!.dateline || infos[j]!.bylineEnd?.spaced);
      if (run.length >= 2 && chars <= 240 && !marked) add(run);
      run = [];
    };
    infos.forEach((x, i) => {
      const m = x.line.measure;
      // Only plain text needs this: with geometry the layout has placed pictures and captions.
      if (m !== undefined && !x.line.box && m <= 0.55 * dominantMeasure && free(i)) {
        const last = run.at(-1);
        if (last !== undefined && infos[last]!.line.column !== x.line.column) flush();
        run.push(i);
      } else flush();
    });
    flush();
  }
  for (const g of groups) for (const j of g) kinds[j] = "caption";
  return groups.sort((a, b) => a[0]! - b[0]!);
}

/** Characters a credit's second half must contain ("华社发", "摄）", "photo)"). */
const creditish = /[摄攝发發图圖社）)]|[Pp]hoto|PHOTO/;

const sentenceMark = /[。.!?！？]/;
const creditOpening =
  /^[（(]?\s*(?:Photo(?:graph)?s?|PHOTO(?:GRAPH)?S?|Picture|Image|AP Photo)\b|^[（(]?\s*(?:摄影|攝影|图片|圖片|新华社记者|新華社記者|本报记者|本報記者)/;
/** A bracket and everything after it. */
const bracketOn = /[（(].*$/;
/** A name's initial ("R. SENTHIL KUMAR"): its stop ends no sentence. */
const initials = /\b[A-Z]\./g;

/** The caption opened by line `i` ("图为……"): up to the end of its sentence or block. */
function captionAfter(infos: readonly LineInfo[], i: number, free: (i: number) => boolean): number[] {
  const group = [i];
  if (infos[i]!.endsSentence) {
    // A credit set on its own line under the caption ("新华社记者 黄海 摄") is the caption's.
    const next = infos[i + 1];
    if (next && free(i + 1) && !isBreakGap(next) && next.credit && next.chars <= 20) group.push(i + 1);
    return group;
  }
  for (let j = i + 1; j < infos.length && j - i < 10; j++) {
    if (!free(j) || isBreakGap(infos[j]) || infos[j]!.dateline) break;
    group.push(j);
    if (infos[j]!.endsSentence || infos[j]!.credit) break;
  }
  return group;
}

/**
 * The caption ending at the credit line `i`: the lines before it back to a block boundary or
 * the end of an earlier sentence (a credit alone on its line takes the sentence before it),
 * and the lines after it that close the credit's bracket.
 */
function captionBefore(infos: readonly LineInfo[], i: number, free: (i: number) => boolean): number[] {
  const group = [i];
  // A credit alone on its line: short, or opening with the credit itself ("(Photo: Getty Images)",
  // "Photograph: Mike Egerton/PA").
  const x = infos[i]!;
  const creditOnly =
    (x.chars <= 16 || creditOpening.test(x.text)) &&
    !sentenceMark.test(x.text.replace(bracketOn, "").replace(initials, ""));
  for (let j = i - 1; j >= 0 && i - j < 12; j--) {
    if (!free(j) || isBreakGap(infos[j + 1])) break;
    const y = infos[j]!;
    if (y.dateline || y.bylineEnd || y.bylineLine) break;
    const first = j === i - 1 && creditOnly;
    if (y.endsSentence && !first) break;
    // A caption opened by convention ("图为……") starts there.
    if (infos[group[0]!]!.opensCaption) break;
    group.unshift(j);
  }
  let open = bracketDepth(group.map((j) => infos[j]!.text).join(""));
  for (let j = i + 1; open > 0 && j < infos.length && j - i <= 2 && free(j); j++) {
    group.push(j);
    open = bracketDepth(group.map((g) => infos[g]!.text).join(""));
  }
  return group;
}

function bracketDepth(text: string): number {
  let depth = 0;
  for (const ch of text) {
    if (ch === "(" || ch === "（") depth++;
    else if ((ch === ")" || ch === "）") && depth > 0) depth--;
  }
  return depth;
}
