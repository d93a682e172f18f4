import { charTable, isSpace, trimmed, trimmedEnd } from "../text/script.ts";
import type { OtherKind } from "../types.ts";

/**
 * Recognisers for the conventional text of news pages: datelines, bylines, photo credits,
 * page furniture and jump lines, in Chinese and English. They read one line's text and know
 * nothing of any particular newspaper; context (where the line sits) is the caller's job.
 */

const han = "\\u3400-\\u9fff\\uf900-\\ufaff";
const openParen = "[（(〈<［\\[]";
const closeParen = "[）)〉>］\\]]";
// "记者", "本报特约记者", "新华社记者": a wire agency names its reporters as a paper does its own.
// Traditional forms stand beside the simplified ones throughout ("本報記者", "中央社記者"): Hong Kong
// and Taiwan papers print them.
const reporterRole =
  "(?:本报|本報|本刊|新华社|新華社|中新社|中国新闻社|中國新聞社|中央社)?(?:特约|特約|实习|實習|首席)?" +
  "(?:记者|記者|通讯员|通訊員|实习生|實習生|摄影记者|攝影記者|作者|编译|編譯|撰稿)";

/** A matched span at the start or end of a line. */
export interface SpanMatch {
  /** The span as printed (trimmed). */
  text: string;
  /** Offset where the span starts in the line. */
  from: number;
  /** Offset just past the span. */
  to: number;
  /** True when the span opens a bracket (a reporter credit) that the line does not close. */
  open?: boolean;
  /** Datelines only: where the dateline ends on the next line, when it runs over onto it. */
  rest?: number;
  /**
   * Bylines only: true when the span is set off from the sentence before it by a space or is
   * a bracketed credit — without that, "……地。李阳" may as well be a new sentence beginning.
   */
  spaced?: boolean;
  /**
   * Bylines only: the span began on the line before, broken there inside its bracket
   * ("……能转”。（记" / "者 何平）"); `text` is the whole credit.
   */
  wrapped?: boolean;
}

// "科学导报讯", "本报讯", "本报北京1月7日讯", "新华社北京10月19日电", "中新网上海3月2日电", and in
// traditional forms "本報訊", "中央社記者X台北28日電". Hong Kong and Taiwan papers bracket them
// ("【本報訊】", "（中央社記者X台北28日電）") and set a reporter's place the same way ("〔記者X／台北報導〕").
const datelineCore =
  `(?:(?:本报|本報|本刊)[${han}\\d]{0,12}?[讯訊]|[${han}]{2,10}?(?:报|報|网|網|台|刊|社|频道|頻道)[讯訊]|` +
  `(?:新华社|新華社|中新社|中新网|中新網|新华网|新華網|人民网|人民網|央视网|央視網|中国新闻社|中國新聞社|[${han}]{2,6}社)[${han}\\d]{0,14}?[电電]|` +
  `[${han}]{2,8}\\d{1,2}月\\d{1,2}日(?:讯|訊|电|電))`;
const reporterPlace = `${reporterRole}\\s*[${han}]{2,4}\\s*[／/]\\s*[${han}]{2,6}(?:报道|報導|報道)`;
const cjkDateline = new RegExp(
  `^(?:${datelineCore}|[（(]${datelineCore}[）)]|【(?:${datelineCore}|${reporterPlace})】|〔(?:${datelineCore}|${reporterPlace})〕)`,
);
const reporterCredit = new RegExp(`^\\s*${openParen}\\s*${reporterRole}[^）)〉>］\\]]{0,30}(${closeParen})?`);

// "WASHINGTON —", "NEW YORK (AP) —", "BEIJING, Oct. 19 (Xinhua) --", "LONDON, England -".
const latinDateline =
  /^([A-Z][A-Z.'’-]+(?:\s[A-Z][A-Z.'’-]+){0,3}(?:,\s+[A-Z][A-Za-z.]+(?:\s[A-Z]?[a-z.]+)?(?:\s\d{1,2})?)?)\s*(\([A-Za-z.\s/]{2,30}\)\s*)?(—|–|--|-|:)(?=\s|$)/;

// "新华社北京2月6日" ending the line, its "电" carried over to the next line.
const cjkDatelineHead = new RegExp(
  `^(?:(?:新华社|新華社|中新社|中新网|中新網|新华网|新華網|人民网|人民網|本报|本報|本刊)|[${han}]{2,10}?(?:报|報|网|網|台|刊|社))[${han}]{0,8}?\\d{1,2}月\\d{1,2}日$`,
);

/** A reporter credit cut right after its bracket ("……讯（记"). */
const cutCredit = new RegExp(`^\\s*${openParen}\\s*[记記通实實本特首]?$`);
/**
 * Labels that open a line with capitals and a colon as a dateline does ("PHOTO: X", "ALSO READ:"):
 * a credit or a pointer, never a place.
 */
const notAPlace =
  /^(?:PHOTO(?:GRAPH)?S?|PICS?|PICTURES?|IMAGES?|FILE|SOURCES?|CREDITS?|NOTE|GRAPHICS?|INPUTS|WATCH|(?:ALSO )?READ(?: MORE)?)$/;

/** The first real character after a Latin dateline's dash (OCR leaves specks before it). */
const firstReal = /[\p{L}\p{N}"“‘'(]/u;
const opensLikeSentence = /[\p{Lu}\p{N}"“‘'(]/u;
const threeCapitals = /[A-Z]{3}/;

/**
 * A dateline opening the line ("科学导报讯", "本报北京1月7日讯（记者 王建国）",
 * "WASHINGTON —"), or null. A reporter credit in brackets is part of the dateline; when the
 * line ends before the bracket closes, `open` is set so the caller can take the rest from the
 * next line.
 */
export function matchDateline(line: string): SpanMatch | null {
  // Every dateline has a 讯, 电 or 日 in its first characters, or a dash after capitals.
  return mayHoldDateline(line) ? matchDatelineUngated(line) : null;
}

/**
 * `matchDateline` without its cheap gate (`mayHoldDateline`), for a caller that has run the
 * gate's tests in its own pass over the line's characters: a line that fails them is no dateline.
 */
export function matchDatelineUngated(line: string): SpanMatch | null {
  const lead = line.length - line.trimStart().length;
  const text = line.slice(lead);
  // OCR spaces digits off from CJK ("新华社杭州 4 月 12 日电"): match without them.
  const { compact, origin } = compactDigits(text);
  const head = cjkDatelineHead.exec(compact.trimEnd());
  if (head) {
    const to = originalOffset(origin, head[0].length);
    return { text: text.slice(0, to), from: lead, to: lead + to, open: true };
  }
  const cjk = cjkDateline.exec(compact);
  if (cjk) {
    let end = cjk[0].length;
    let open = false;
    const credit = reporterCredit.exec(compact.slice(end));
    if (credit) {
      end += credit[0].length;
      open = credit[1] === undefined;
    } else {
      // A credit cut right after its bracket ("……讯（记" / "者 何平）……").
      const cut = cutCredit.exec(compact.slice(end));
      if (cut) {
        end += cut[0].length;
        open = true;
      }
    }
    const to = originalOffset(origin, end);
    // A dateline that ends the line may go on at the start of the next ("〈记者 刘洋)").
    if (to >= text.trimEnd().length) open = true;
    return { text: text.slice(0, to).trim(), from: lead, to: lead + to, ...(open ? { open } : {}) };
  }
  const latin = latinDateline.exec(text);
  // OCR leaves specks after the dash ("WASHINGTON — _ Following"): look at the first real character.
  const after = latin ? firstReal.exec(text.slice(latin[0].length))?.[0] : undefined;
  if (
    latin &&
    threeCapitals.test(latin[1] ?? "") &&
    !(latin[3] === ":" && notAPlace.test(latin[1] ?? "")) &&
    (after === undefined || opensLikeSentence.test(after)) &&
    !isAllCapsSentence(text)
  ) {
    const to = latin[0].trimEnd().length;
    return { text: text.slice(0, to).trim(), from: lead, to: lead + to };
  }
  return null;
}

/**
 * The cheap test every dateline passes: a 讯 or 电 (or 訊, 電) in the first 48 characters, a
 * bracket 【 or 〔 opening the line (a reporter's place, "〔記者X／台北報導〕"), a 日 ending the
 * line, or two capitals followed within 60 characters (in the first 80) by a dash or colon.
 * Read by character codes: this runs on every line of every page.
 */
function mayHoldDateline(line: string): boolean {
  const head = Math.min(line.length, 48);
  for (let i = 0; i < head; i++) {
    const c = line.charCodeAt(i);
    if (isDatelineMark(c)) return true;
  }
  if (opensBracketedDateline(line)) return true;
  if (line.trimEnd().endsWith("日")) return true;
  // Two capitals at i, i+1, then a dash or colon at some j in [i+2, i+62], all before offset 80.
  const end = Math.min(line.length, 80);
  let dash = -1;
  for (let i = end - 1; i >= 0; i--) {
    const c = line.charCodeAt(i);
    // A line terminator stops "." in the pattern this stands for; none occur inside a line.
    if (c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029) return capitalsThenDash(line, end);
    if (c === 0x2014 || c === 0x2013 || c === 0x2d || c === 0x3a) dash = i;
    // `dash` is the first dash at or after i: past i + 1 where capitals stand at i and i + 1.
    if (i + 1 < end && isCapital(c) && isCapital(line.charCodeAt(i + 1)) && dash >= 0 && dash <= i + 62)
      return true;
  }
  return false;
}

/** 讯 电 and their traditional forms 訊 電: the mark a CJK dateline ends in. */
function isDatelineMark(c: number): boolean {
  return c === 0x8baf || c === 0x7535 || c === 0x8a0a || c === 0x96fb;
}

/** Whether the line opens with 【 or 〔, as a bracketed dateline does ("【本報訊】", "〔記者X／台北報導〕"). */
export function opensBracketedDateline(line: string): boolean {
  const c = line.charCodeAt(0);
  return c === 0x3010 || c === 0x3014;
}

function isCapital(c: number): boolean {
  return c >= 0x41 && c <= 0x5a;
}

function capitalsThenDash(line: string, end: number): boolean {
  return capitalsDash.test(line.slice(0, end));
}

const capitalsDash = /[A-Z]{2}.{0,60}(?:—|–|-|:)/;

/** The offset in the original text just past `n` characters of its compact form (null: the same). */
function originalOffset(origin: readonly number[] | null, n: number): number {
  if (n <= 0) return 0;
  return origin ? origin[n - 1]! + 1 : n;
}

/**
 * The text without spaces next to digits or CJK, with each kept character's original offset
 * (`origin` null when nothing was dropped: offsets are the same).
 */
function compactDigits(text: string): { compact: string; origin: number[] | null } {
  let first = -1;
  for (let i = text.indexOf(" "); i >= 0; i = text.indexOf(" ", i + 1)) {
    if (isDigitOrHan(text.charCodeAt(i - 1)) && isDigitOrHan(text.charCodeAt(i + 1))) {
      first = i;
      break;
    }
  }
  if (first < 0) return { compact: text, origin: null };
  const origin: number[] = [];
  let compact = "";
  for (let i = 0; i < text.length; i++) {
    if (
      i >= first &&
      text.charCodeAt(i) === 0x20 &&
      isDigitOrHan(text.charCodeAt(i - 1)) &&
      isDigitOrHan(text.charCodeAt(i + 1))
    )
      continue;
    origin.push(i);
    compact += text[i];
  }
  return { compact, origin };
}

/** A digit or an ideograph of the basic blocks (NaN, past either end, is neither). */
function isDigitOrHan(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x3400 && c <= 0x9fff);
}

const notLatinLetter = /[^A-Za-z]/g;

function isAllCapsSentence(text: string): boolean {
  const letters = text.replace(notLatinLetter, "");
  return letters.length > 20 && letters === letters.toUpperCase();
}

const creditRest = new RegExp(`^\\s*[^（(〈<）)〉>]{1,20}?${closeParen}`);
const restCredit = `(?:\\s*${openParen}\\s*${reporterRole}[^）)〉>］\\]]{0,30}${closeParen})?`;
const markRest = new RegExp(`^\\s*[电讯電訊]${restCredit}`);
const plainRest = new RegExp(`^\\s*${restCredit}`);

/**
 * What a dateline left open at the end of the previous line continues with at the start of
 * this one: the rest of a reporter credit ("王建国) 刚刚过去…" → "王建国)"), the "电"/"讯" of
 * "新华社北京2月6日" / "电全面建立…", or a whole credit ("〈记者 刘洋) 优化…"). Null if none.
 */
export function matchDatelineRest(line: string, wantsMark: boolean, inCredit: boolean): SpanMatch | null {
  const pattern = inCredit ? creditRest : wantsMark ? markRest : plainRest;
  const m = pattern.exec(line);
  if (!m?.[0].trim()) return null;
  return { text: m[0].trim(), from: 0, to: m[0].length };
}

const cjkName = `[${han}]{2,4}`;
const cjkNames = `${cjkName}(?:[\\s、，,]+${cjkName}){0,3}`;
const creditTail = new RegExp(
  `(?:${openParen}\\s*(?:${reporterRole}|文|图|圖|文[/／][图圖]|[摄攝]|[摄攝]影|编辑|編輯)[\\s/／:：]*[${han}\\s、，,/／]{2,30}${closeParen}|` +
    `(?:文|图|圖|文[/／][图圖]|撰文|[摄攝]影)\\s*[/／:：]\\s*${cjkNames}(?:\\s+(?:图|圖|[摄攝]影)\\s*[/／:：]\\s*${cjkNames})?)$`,
);
const nameAfterSentence = new RegExp(`([。！？!?…][”」』）)]?)\\s*(${cjkName}(?:[\\s、]+${cjkName}){0,3})$`);

/**
 * A byline closing a body line: a 2–4 character name (or several) after the last sentence
 * ("……的答卷。 王波"), a reporter credit in brackets ("（记者 张明）"), or "文/图 X". Returns the
 * span, or null. Whether the line really ends the article is the caller's decision.
 */
export function matchBylineEnd(line: string): SpanMatch | null {
  const text = trimmedEnd(line);
  const last = text.charCodeAt(text.length - 1);
  // A byline ends in a name (an ideograph) or a closing bracket.
  if (!(last >= 0x3400 && last <= 0x9fff) && last !== 0xff09 && last !== 0x29 && last !== 0x3009) return null;
  const credit = creditTail.exec(text);
  if (credit && credit.index > 0)
    return { text: credit[0].trim(), from: credit.index, to: text.length, spaced: true };
  const name = nameAfterSentence.exec(text);
  if (name && name.index + 1 < text.length) {
    const from = name.index + (name[1]?.length ?? 0);
    const span = text.slice(from);
    const lead = span.length - span.trimStart().length;
    return { text: span.trim(), from: from + lead, to: text.length, spaced: lead > 0 };
  }
  return null;
}

// "本报记者 张明 李华", "文/图 本报记者 何平", and the reporter's place after a slash as Taiwan papers
// set it ("記者林志明／台北報導").
const cjkBylineLine = new RegExp(
  `^(?:${openParen}\\s*)?(?:${reporterRole}|文|图|圖|文[/／][图圖]|撰文|[摄攝]影|本报评论员|本報評論員|评论员|評論員)[\\s/／:：]*${cjkNames}` +
    `(?:\\s+(?:${reporterRole}|图|圖|[摄攝]影)[\\s/／:：]*${cjkNames})*(?:\\s*${closeParen})?` +
    `(?:\\s*[／/]\\s*[${han}]{2,6}(?:报道|報導|報道))?(?:\\s*(?:报道|報導|報道|摄|攝))?$`,
);
// A bare name on a line of its own: two or three characters (four-character phrases are far more
// often kickers and labels than names), possibly several names.
const bareCjkName = new RegExp(`^[${han}]{2,3}(?:[\\s、]+[${han}]{2,3}){0,3}$`);
const nameSeparators = /[\s、]+/;

/**
 * Common Chinese surnames (single characters). A personal name opens with its surname, so a
 * two- or three-character phrase that does not ("生态美 候鸟来", "新时代") is no bare byline.
 */
const surnames = charTable(
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由" +
    // Traditional forms (Hong Kong, Taiwan) of the surnames above that differ.
    "劉陳楊黃趙吳張孫馬鄭謝韓馮鄧蕭葉蘇呂盧蔣鍾譚陸賈韋鄒龍顧龔錢嚴萬湯溫莊聶魯閻賴羅範薛賀顏龐歐關鮑費勞蘭喬齊單閔華項衛麥區鄺鄔駱蓋練廉紀",
);
/** Two-character surnames, whose first character alone is rarely a surname. */
const compoundSurnames =
  /^(?:欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|令狐|夏侯|长孙|宇文|轩辕|端木|西门|南宫|独孤|司徒|司空|澹台|呼延|万俟|申屠)/;

/** Whether every name of a bare-name line opens with a surname. */
function namesOpenWithSurnames(text: string): boolean {
  for (const name of text.split(nameSeparators))
    if (!surnames[name.charCodeAt(0)] && !compoundSurnames.test(name)) return false;
  return true;
}

/** A commentator's byline, which names no one: "本报评论员", "人民日报评论员", "本报特约评论员". */
const commentatorLine = new RegExp(
  `^(?:本报|本報|本刊|新华社|新華社|[${han}]{2,6}(?:日报|日報|晚报|晚報|报|報))?(?:特约|特約)?(?:评论员|評論員)$`,
);

/**
 * What a By line can go on with on the next line: the agency, the paper or the writer's title
 * ("Associated Press", "The New York Times", "Staff Writer", "Special to The Courier").
 */
const bylineSequel =
  /^(?:(?:The\s+)?Associated Press|Reuters|AFP|Agence France-Presse|Bloomberg(?: News)?|(?:The\s+)?Press Association|PA|UPI|Xinhua|The(?:\s+[A-Z][\p{L}.'’-]*){1,4}|(?:[A-Z][\p{L}.'’-]*\s+){0,3}(?:Writer|Reporter|Correspondent|Editor|Columnist|Photographer)s?|(?:Special to|For) (?:The|the) [\p{L} ]+)$/u;

/** Whether a line is the sequel of a By line above it (see `bylineSequel`). */
export function isBylineSequel(line: string): boolean {
  const text = trimmed(line);
  return text.length <= 50 && bylineSequel.test(text);
}
const latinBy =
  /^(?:by|BY|By)\s+[A-Z][\p{L}.'’-]*(?:\s+(?:[A-Z][\p{L}.'’-]*|de|van|von|da|al|and|AND|&))*(?:,\s*[\p{L} .'’-]{2,40})?$/u;
const latinRole =
  /^[A-Z][\p{L}.'’-]*(?:\s+[A-Z][\p{L}.'’-]*){1,4}\s*(?:,|\||\/|—|-)\s*(?:[A-Z][\p{L}.'’-]*\s+){0,3}(?:Writer|Reporter|Correspondent|Editor|Columnist|Photographer|Associated Press|Reuters|AFP|Bloomberg|Special to [\p{L} ]+|For [\p{L} ]+)s?$/u;

/**
 * A byline that names a news service, an agency or a desk instead of a writer, as Indian and
 * other Commonwealth papers print it on its own line: "Express News Service", "HT Correspondent",
 * "Staff Reporter", "Our Special Correspondent", "PTI", "Press Trust of India".
 */
const latinService =
  /^(?:(?:[A-Z][\p{L}.'’&-]*)\s+){0,3}(?:News Service|Correspondents?|Reporters?|Bureau)$|^(?:PTI|IANS|ANI|UNI|AFP|Reuters|Press Trust of India|Agence France-Presse)$/u;
/** The last words `latinService` can end with: the cheap test before it. */
const serviceEnds = new Set([
  "Service",
  "Correspondent",
  "Correspondents",
  "Reporter",
  "Reporters",
  "Bureau",
  "PTI",
  "IANS",
  "ANI",
  "UNI",
  "AFP",
  "Reuters",
  "India",
  "France-Presse",
]);

/** Whether the (trimmed) line is a service or agency byline (see `latinService`). */
function isServiceByline(text: string): boolean {
  return (
    text.length <= 40 && serviceEnds.has(text.slice(text.lastIndexOf(" ") + 1)) && latinService.test(text)
  );
}

/**
 * A line that is a byline by itself: "本报记者 张明 李华", "文/王波", "By MARY ADAMS",
 * "Kenneth C. Atchison, Staff Writer". A bare 2–4 character name ("王波") is accepted only when
 * `allowBareName` (the caller knows the line closes an article).
 */
export function matchBylineLine(line: string, allowBareName = false): string | null {
  const text = trimmed(line);
  if (!text || text.length > 60) return null;
  // A byline line names a role (记者, 文/, By…) or, in Latin script, a name and a title.
  if (!allowBareName && !namesRole(text)) return null;
  // Each pattern is tried only on a line that starts as it must (and, for a name with its
  // title, holds the separator between them).
  const c = text.charCodeAt(0);
  if (
    (cjkBylineStarts[c] === 1 && cjkBylineLine.test(text)) ||
    ((c === 0x42 || c === 0x62) && latinBy.test(text)) ||
    (c >= 0x41 && c <= 0x5a && hasNameSeparator(text) && hasRoleWord(text) && latinRole.test(text)) ||
    (c >= 0x41 && c <= 0x5a && isServiceByline(text))
  )
    return text;
  if ((text.endsWith("评论员") || text.endsWith("評論員")) && commentatorLine.test(text)) return text;
  if (allowBareName && isBareCjkName(text)) return text;
  return null;
}

/**
 * Whether the line is nothing but a bare CJK name or names ("王波", "李华 张明"): the byline
 * `matchBylineLine(line, true)` accepts beyond what it accepts by default.
 */
export function isBareCjkName(line: string): boolean {
  const text = trimmed(line);
  return bareCjkName.test(text) && namesOpenWithSurnames(text);
}

/** The first characters of the roles a CJK byline line names (记者, 通讯员, 摄影, 文/…). */
const roleChars = charTable("记記通实實摄攝编編撰作文图圖评評特首");

/** What `cjkBylineLine` can start with: a bracket, or the first character of a role (本报记者, 文/…). */
const cjkBylineStarts = charTable("（(〈<［[本特实實首记記通摄攝作编編撰文图圖评評新中");

/** Whether the text has a Latin letter or a character a CJK role starts with. */
function namesRole(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || roleChars[c]) return true;
  }
  return false;
}

/** Whether the text has a separator `latinRole` needs between a name and its title (, | / — -). */
function hasNameSeparator(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2c || c === 0x7c || c === 0x2f || c === 0x2014 || c === 0x2d) return true;
  }
  return false;
}

/** Every `latinRole` line names a role, an agency, or "Special to" / "For" a paper. */
const roleWord =
  /Writer|Reporter|Correspondent|Editor|Columnist|Photographer|Associated Press|Reuters|AFP|Bloomberg|Special to |For /;

function hasRoleWord(text: string): boolean {
  return roleWord.test(text);
}

/** Whether the line opens a caption by convention ("图为……", "上图：", "Above: …"). */
export function opensCaption(line: string): boolean {
  let i = 0;
  while (isSpace(line.charCodeAt(i))) i++;
  return captionStarts[line.charCodeAt(i)] === 1 && captionOpening.test(line);
}

/** The characters `captionOpening` can start with (after white space). */
const captionStarts = charTable("（(图圖上下左右ABLRTIP");

// Patterns are made once, here: a regular expression literal in a function body is a new
// object each time the function runs, and these run on every line of every page.
const captionOpening =
  /^\s*[（(]?(?:[图圖]為|图为|[上下左右][图圖]|[图圖][一二三四1-4]?[:：]|[图圖]片[:：])|^\s*(?:Above|Below|Left|Right|Top|Bottom|Inset|Pictured)[:,]\s/;

const cjkCredit = new RegExp(
  `(?:${openParen}\\s*(?:[${han}]{0,8}\\s*)?(?:[记記]者\\s*)?${cjkNames}\\s*[摄攝](?:影)?\\s*${closeParen}|` +
    `(?:新华社|新華社|中新社|中央社|本报|本報|人民日报)(?:记者|記者|特约记者|特約記者|太空特约记者)?\\s*(?:${cjkNames}\\s*)?(?:摄|攝|发|發)$|` +
    `[摄攝]影[:：/／]|[图圖][/／]|资料图片|資料圖片|供图|供圖|${openParen}[^）)]{2,20}提供${closeParen}|${cjkName}\\s*[摄攝]$|视觉中国|图片来源|圖片來源)`,
);
const latinCredit =
  /\((?:[\w./ -]{0,30}\s)?(?:photo|Photo|PHOTO|photograph)(?:\s[\w./ -]{0,30})?\)|\bPhoto(?:graph)?s?\s*(?:by|:|courtesy)|\bPHOTO(?:GRAPH)?S?\s*(?:BY\b|:)|\bCourtesy of\b|\bGetty Images\b|\/AP\)|\(AP Photo|\bFile photo\b/;

/** What every `cjkCredit` and every `latinCredit` holds: cheaper to look for first. */
const cjkCreditHint = /摄|攝|[发發]\s*[)）]?$|[图圖][/／片]|资料|資料|供[图圖]|提供|视觉中国/;
const latinCreditHint = /[Pp]hoto|PHOTO|Courtesy|Getty|AP\)/;

/** Whether the text holds a photo credit ("（摄影 张明）", "新华社发", "Photo by X", "(NASA photo)"). */
export function hasPhotoCredit(line: string): boolean {
  return hasCjkPhotoCredit(line) || hasLatinPhotoCredit(line);
}

/** The CJK half of `hasPhotoCredit`; it needs one of `cjkCreditChars`. */
export function hasCjkPhotoCredit(line: string): boolean {
  return cjkCreditHint.test(line) && cjkCredit.test(line);
}

/** The Latin half of `hasPhotoCredit` ("Photo by X", "(NASA photo)", "Getty Images"). */
export function hasLatinPhotoCredit(line: string): boolean {
  return latinCreditHint.test(line) && latinCredit.test(line);
}

/** Every `cjkCreditHint` holds one of these: a line without them has no CJK photo credit. */
export const cjkCreditChars = "摄攝发發图圖资資供提视";

/** The characters a jump line can start with (a bracket, 下转/上接/转/接/续, Continued, See, Turn, Please, From). */
const jumpStarts = charTable("（(下上转轉接续續CSTPFcstpf");

/** A jump line ("下转第4版", "上接第一版", "Continued on Page 4", "See FLIGHT, Page A6"). */
export function isJumpLine(line: string): boolean {
  const text = trimmed(line);
  const c = text.charCodeAt(0);
  if (text.length > 60 || !jumpStarts[c]) return false;
  // Each pattern is tried only on a line that starts as it must.
  return (
    (jumpCjkStarts[c] === 1 && jumpCjk.test(text)) ||
    ((c === 0xff08 || c === 0x28 || c === 0x43) && jumpContinued.test(text)) ||
    ((c === 0x46 || c === 0x66 || c === 0x28) && jumpFrom.test(text)) ||
    ((c === 0x53 || c === 0x54) && jumpSee.test(text)) ||
    (jumpPleaseStarts[c] === 1 && jumpPlease.test(text))
  );
}

const jumpCjkStarts = charTable("（(下上转轉接续續");
const jumpPleaseStarts = charTable("PpSsTt");

const jumpCjk =
  /^[（(]?\s*(?:下[转轉]|上接|[转轉]|接|[续續])\s*(?:第|A|B|C|D)?\s*[A-D]?\s*[0-9一二三四五六七八九十]+\s*(?:版|页|頁)(?:[）)])?/;
const jumpContinued =
  /^[（(]?(?:Continued|Cont'd|Cont\.|CONTINUED)\s+(?:on|from)\s+(?:Page|PAGE|page|P\.|p\.)\s*[A-Z]?\d+/;
// "From Page A1", "FROM PAGE 1", "(From Page 3)": where a continued story came from.
const jumpFrom = /^\(?(?:From|FROM|from)\s+(?:Page|PAGE|page|P\.)\s*[A-Z]?\d+\)?$/;
const jumpSee = /^(?:See|SEE|Turn to|TURN TO)\s+[\p{L} ,'’-]{0,40}(?:Page|PAGE|page)\s*[A-Z]?\d+\)?\.?$/u;
const jumpPlease = /^(?:Please\s+)?(?:see|turn to)\s+page\s+[A-Z]?\d+/i;

const weekday =
  /(?:星期|周|週|礼拜|禮拜)[一二三四五六日天]|\b(?:MON|TUES|WEDNES|THURS|FRI|SATUR|SUN)DAY\b|\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\b/;
const monthName =
  "(?:JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)";
// "March 10, 2025" as American papers date a page, "10 March 2025" as British ones do.
const month = new RegExp(
  `\\b${monthName}\\s+\\d{1,2},?\\s+\\d{4}\\b|\\b\\d{1,2}\\s+${monthName}\\s+\\d{4}\\b`,
);

/** CJK characters some kind of furniture needs (版, 编辑, 日期…). */
export const furnitureChars = charTable("版编編校审審照设設视視美期年月日星周週");

/**
 * The cheap test every folio passes: it starts with 第, a digit, a dash, a capital and a digit
 * or a P (Page, P.), or it ends in a digit.
 */
function mayBeFolio(text: string): boolean {
  const c0 = text.charCodeAt(0);
  const c1 = text.charCodeAt(1);
  const last = text.charCodeAt(text.length - 1);
  return (
    c0 === 0x7b2c ||
    (c0 >= 0x30 && c0 <= 0x39) ||
    c0 === 0x2d ||
    (c0 >= 0x41 && c0 <= 0x5a && ((c1 >= 0x30 && c1 <= 0x39) || c0 === 0x50)) ||
    (last >= 0x30 && last <= 0x39)
  );
}

const folio =
  /^(?:第\s*[A-Z]?[0-9一二三四五六七八九十百]+\s*版|[A-Z]?\d{1,3}|(?:Page|PAGE|P\.)\s*[A-Z]?\d{1,3}|-\s*\d{1,3}\s*-|[A-Z]\d{1,2}\s+.+|.+\s+[A-Z]\d{1,2})$/;
/**
 * A page number with the page's section name ("第3版 综合新闻", "4 国内新闻", "8 NEWS",
 * "SPORTS 12"): a CJK name of two to six characters, or up to three words in capitals, the first of three
 * letters or more ("OR 11" is a scrap of text). A number
 * followed by a measure word ("3 个月后", "5 年") is a quantity, not a page.
 */
const folioWithSection =
  /^(?:第\s*[A-Z]?[0-9一二三四五六七八九十百]+\s*版|\d{1,3})\s+(?:(?![个個年月日天号號岁歲万萬亿億元次名位种種项項条條家只隻米吨噸分秒时時点點多余餘])[\u3400-\u9fff]{2,6}|[A-Z][A-Z&'’.-]{2,}(?:\s+[A-Z&][A-Z&'’.-]*){0,2})$|^[A-Z]\d{1,3}\s+(?![个個年月日天号號岁歲万萬亿億元次名位种種项項条條家只隻米吨噸分秒时時点點多余餘])[\u3400-\u9fff]{2,6}$|^[A-Z][A-Z&'’.-]{2,}(?:\s+[A-Z&][A-Z&'’.-]*){0,2}\s+\d{1,3}$/;
/** A page number beside other words ("A4 SPORTS"): a folio only when the words are a label in capitals. */
const folioBeside = /^[A-Z]\d{1,2}\s+.+|.+\s+[A-Z]\d{1,2}$/;
const folioBesideLabel = /^[A-Z]\d{1,2}\s+[A-Z\s&'’.-]+$|^[A-Z\s&'’.-]+\s+[A-Z]\d{1,2}$/;
const productionCredit =
  /(?:责任编辑|責任編輯|责编|責編|编辑|編輯|美编|美編|版式|校对|校對|组版|組版|审读|審讀|值班编辑|值班編輯|照排|设计|設計|视觉|視覺)\s*[:：/／]/;
// "2024年11月28日", and a Taiwan paper's 民國 year ("中華民國113年11月28日", "民國113年").
const cjkDate = /(?:\d{4}|民[国國]\s*\d{2,3})\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日/;
const cjkSentenceEnd = /[。！？]$/;
const clauseAfterDate = /[，。,]\s*\S{6,}/;
const lowerWord = /\b[A-Za-z]?[a-z]{3,}\b/;
const smallLetterWord = /\b[a-z]{3,}\b/;
const capitalisedWord = /\b[A-Z][a-z]+\b/g;

function capitalisedWords(text: string): number {
  return text.match(capitalisedWord)?.length ?? 0;
}

/**
 * A production credit at the start of its line ("责任编辑：王波", "版式设计：刘洋",
 * "本版责编：王蕾 版式：赵楠"): page furniture wherever it stands, as no sentence opens so.
 */
const productionCreditLine =
  /^(?:本版)?(?:责任编辑|責任編輯|责编|責編|编辑|編輯|美编|美編|美术编辑|美術編輯|图片编辑|圖片編輯|版式设计|版式設計|版式|校对|校對|组版|組版|审读|審讀|值班编辑|值班編輯|照排|设计|設計|视觉|視覺)\s*[:：/／]/;

/** Whether a (trimmed) line opens with a production credit (see `productionCreditLine`). */
export function opensWithProductionCredit(text: string): boolean {
  return text.length <= 40 && productionCreditLine.test(text);
}
const webAddress = /^(?:https?:\/\/|www\.)\S+$|^[\w.+-]+@[\w-]+\.[\w.-]+$/;
const issueNumber = /^(?:第\s*\d+\s*期|总第\s*\d+\s*期|Vol\.\s*\d+|No\.\s*\d+|VOL\.\s*\d+)/;
const runningFoot = /^[A-Z\s.'’&-]+[-–—|·]\s*(?:PAGE|Page)\s+[A-Z]?\d{1,3}$/;

/**
 * What a short line of page furniture is, or null: a folio ("第6版", "A4", "Page 3"), a
 * running head with the date ("2021年10月20日 星期三", "TUESDAY, DECEMBER 29, 1992"), or a
 * production credit ("责任编辑：王某"). Section flags ("要闻", "AEROSPACE") cannot be told from
 * a kicker by their text alone; the caller decides those by position.
 */
export function matchFurniture(line: string): OtherKind | null {
  const text = trimmed(line);
  if (!text || text.length > 80) return null;
  return matchFurnitureWith(text, furnitureFacts(text));
}

/**
 * What `matchFurniture` reads of a line's characters before any pattern: every kind of
 * furniture needs a digit, a Latin capital or a character of `furnitureChars` (`trigger`), or
 * a separator (/ ／ : ：); an "@" (an e-mail address) and a weekday's name ("DAY", "day", 星,
 * 周, 礼) are noted on the way.
 */
export interface FurnitureFacts {
  digit: boolean;
  trigger: boolean;
  separator: boolean;
  at: boolean;
  weekdayMark: boolean;
}

/** The one `FurnitureFacts` `furnitureFacts` fills: read at once, a fresh object would be garbage. */
const furnitureScratch: FurnitureFacts = {
  digit: false,
  trigger: false,
  separator: false,
  at: false,
  weekdayMark: false,
};

/** Reads the `FurnitureFacts` of a (trimmed) line in one pass by character code. */
function furnitureFacts(text: string): FurnitureFacts {
  let digit = false;
  let trigger = false;
  let separator = false;
  // Also noted on the way: an "@" (an e-mail address) and what a weekday's name needs.
  let at = false;
  let weekdayMark = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) digit = true;
    else if (c === 0x2f || c === 0xff0f || c === 0x3a || c === 0xff1a) separator = true;
    else if ((c >= 0x41 && c <= 0x5a) || furnitureChars[c]) {
      trigger = true;
      if (c === 0x59 && text.charCodeAt(i - 1) === 0x41 && text.charCodeAt(i - 2) === 0x44)
        weekdayMark = true;
      else if (c === 0x661f || c === 0x5468 || c === 0x9031) weekdayMark = true;
    } else if (c === 0x79 && text.charCodeAt(i - 1) === 0x61 && text.charCodeAt(i - 2) === 0x64)
      weekdayMark = true;
    else if (c === 0x793c || c === 0x79ae) weekdayMark = true;
    else if (c === 0x40) at = true;
  }
  const f = furnitureScratch;
  f.digit = digit;
  f.trigger = trigger;
  f.separator = separator;
  f.at = at;
  f.weekdayMark = weekdayMark;
  return f;
}

/**
 * `matchFurniture` for a trimmed line of 1 to 80 characters whose `FurnitureFacts` the caller
 * has read in its own pass over the characters.
 */
export function matchFurnitureWith(text: string, facts: FurnitureFacts): OtherKind | null {
  const { digit, separator, at, weekdayMark } = facts;
  if (!digit && !facts.trigger && !separator) return null;
  // A page number beside words other than a label is no folio, but may still be a running head.
  if (mayBeFolio(text) && folio.test(text) && (!folioBeside.test(text) || folioBesideLabel.test(text)))
    return "folio";
  if (mayBeFolio(text) && folioWithSection.test(text)) return "folio";
  if (separator && text.length <= 40 && productionCredit.test(text)) return "credit";
  // A date needs digits; a weekday alone is named in CJK or ends in "day".
  // A running head may run the folio, the paper's name and the date on one line, set off by
  // bars ("A4 | THE DAILY COURIER | FRIDAY, NOVEMBER 29, 2024").
  const hasDate =
    (text.length <= 50 || (text.length <= 70 && text.includes("|"))) &&
    ((digit && (cjkDate.test(text) || month.test(text))) || (weekdayMark && weekday.test(text)));
  if (hasDate && !cjkSentenceEnd.test(text)) {
    const rest = text.replace(cjkDate, "").replace(month, "").replace(weekday, "");
    // A date line, possibly with the weekday, lunar date, issue number or page: nothing like a sentence.
    // Words in lower case around the date belong to a sentence or a deck, not a running head;
    // beside a full date with its weekday, up to three capitalised words are the paper's name
    // ("The Courier Friday 29 November 2024").
    if (!clauseAfterDate.test(rest) && !lowerWord.test(rest)) return "running-head";
    const fullDate = weekdayMark && weekday.test(text) && (cjkDate.test(text) || month.test(text));
    if (fullDate && !clauseAfterDate.test(rest) && !smallLetterWord.test(rest) && capitalisedWords(rest) <= 3)
      return "running-head";
  }
  // A web address or e-mail alone on its line.
  const c0 = text.charCodeAt(0);
  if ((at || c0 === 0x68 || c0 === 0x77) && webAddress.test(text)) return "running-head";
  if (!digit) return null;
  // An issue number, or a running foot naming paper and page.
  if (issueNumber.test(text)) return "running-head";
  if (runningFoot.test(text)) return "folio";
  return null;
}
