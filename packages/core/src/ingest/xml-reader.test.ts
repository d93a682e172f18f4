import { describe, expect, it } from "vitest";
import { isInputError } from "../errors.ts";
import { readXml, type XmlReadOptions } from "./xml-reader.ts";

/** Reads `xml` into a list of events: "<name a=v …>", "</name>", "text". */
function events(xml: string, options: XmlReadOptions = {}, names: string[] = []): string[] {
  const out: string[] = [];
  readXml(
    xml,
    "test",
    {
      open(name, a) {
        const attrs = names.map((n) => ` ${n}=${JSON.stringify(a.get(n) ?? null)}`).join("");
        out.push(`<${name}${attrs}>`);
      },
      close: (name) => out.push(`</${name}>`),
      text: (t) => out.push(t),
    },
    options,
  );
  return out;
}

/** The message of the malformed-input error reading `xml` throws; fails when it throws none. */
function brokenBy(xml: string, options: XmlReadOptions = {}): string {
  try {
    events(xml, options);
  } catch (error) {
    if (isInputError(error) && error.code === "malformed") return error.message;
    throw error;
  }
  throw new Error(`read without error: ${xml}`);
}

describe("readXml", () => {
  it("reads elements, attributes by local name and decoded text", () => {
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE r>\n<!-- c --><r xmlns:x="u" x:a='1' b="&lt;&#65;&#x42;&amp;">t &gt; &apos;u&quot;<e/><![CDATA[<raw>]]></r>\n`;
    expect(events(xml, {}, ["a", "b"])).toEqual([
      '<r a="1" b="<AB&">',
      "t > 'u\"",
      "<e a=null b=null>",
      "</e>",
      "<raw>",
      "</r>",
    ]);
  });

  it("reads numbers from attribute values as Number does", () => {
    const got: number[] = [];
    readXml('<r a="12" b="" c="1e2" d=" 7" e="&#49;2" f="0x1F" g="12345678901234567890"/>', "test", {
      open(_name, a) {
        for (const n of ["a", "b", "c", "d", "e", "f", "g", "none"]) got.push(a.number(n));
      },
      close() {},
    });
    expect(got).toEqual([12, 0, 100, 7, 12, 31, Number("12345678901234567890"), Number.NaN]);
  });

  it("normalises line ends in text, and line ends and tabs in attribute values", () => {
    expect(events(`<r a="x\r\ny\tz&#10;">1\r\n2\r3</r>`, {}, ["a"])).toEqual([
      '<r a="x y z\\n">',
      "1\n2\n3",
      "</r>",
    ]);
  });

  it.each([
    ["a mismatched end tag", "<r>\n<a><b></a></r>", /<\/a> closes <b> \(line:col 2:7\)/],
    ["an unclosed root", "<r><a></a>", /<r> is not closed/],
    ["a stray end tag after the root", "<r></r></x>", /<\/x> closes no element/],
    ["a stray end tag inside", "<r><a></b></r>", /<\/b> closes <a>/],
    ["a file cut inside a tag", '<r><a b="1', /<r> is not closed/],
    ["a file cut inside an end tag", "<r><a></a></r", /<r> is not closed/],
    ["a file cut inside text", "<r>text", /<r> is not closed/],
    ["no root at all", "<?xml version='1.0'?>", /no root element/],
    ["a second root", "<r/><s/>", /a second root element/],
    ["text after the root", "<r/>x", /text outside the root element/],
    ["an unquoted attribute", "<r a=1/>", /attribute a has no quoted value/],
    ["an attribute without value", "<r a/>", /attribute a has no quoted value/],
    ["a repeated attribute", '<r a="1" a="2"/>', /attribute a is given twice/],
    ["attributes run together", '<r a="1"b="2"/>', /no whitespace before an attribute/],
    ["an undefined entity", "<r>&nbsp;</r>", /&nbsp; is not a defined entity/],
    ["a bare ampersand", "<r>a & b</r>", /entity/],
    ["a bad character reference", "<r>&#0;</r>", /not a valid character reference/],
    ["< in an attribute value", '<r a="<"/>', /< in an attribute value/],
    ["a stray <", "<r>a < b</r>", /a stray </],
    ["]]> in text", "<r>a]]>b</r>", /"]]>" in text/],
    ["a name starting with a digit", "<1r/>", /not an XML name/],
    ["a forbidden control character", "<r>\u0001</r>", /U\+0001 is not allowed/],
    ["-- inside a comment", "<r><!-- a -- b --></r>", /"--" inside a comment/],
    ["an unclosed comment", "<r/><!-- a", /unclosed comment/],
    ["junk in an end tag", "<r></r x>", /junk in <\/r>/],
    ["a space after </", "<r></ r>", /a space after <\//],
    ["a declaration inside the root", "<r><!DOCTYPE r></r>", /markup declaration out of place/],
    ["an XML declaration not at the start", ' <?xml version="1.0"?><r/>', /XML declaration not at the start/],
  ])("refuses %s with its line and column", (_what, xml, message) => {
    const error = brokenBy(xml);
    expect(error).toMatch(message);
    expect(error).toMatch(/^broken test: .* \(line:col \d+:\d+\)$/);
  });
});

describe("readXml with html", () => {
  it("reads XHTML that an HTML parser reads alike, attributes by full name", () => {
    const xml = `<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="de"><head><title>t</title><meta name="a"/></head><body><p class="x"><span>w<br/></span></p></body></html>`;
    expect(events(xml, { html: true }, ["lang"])).toContain('<html lang="de">');
  });

  it.each([
    ["a block opening inside <p>", "<r><p><div></div></p></r>", /<div> would end the open <p>/],
    ["a heading inside a heading", "<r><h1><h2></h2></h1></r>", /would end the open <h1>/],
    ["a table row", "<r><tr></tr></r>", /HTML parsing rules of its own/],
    ["an element inside <title>", "<r><title><b></b></title></r>", /inside <title>/],
    ["a CDATA section", "<r><![CDATA[x]]></r>", /CDATA/],
    ["an attribute name with capitals", '<r CLASS="x"/>', /capitals/],
    ["a line end in an attribute value", '<r title="a\nb"/>', /line end or tab/],
    ["a reference HTML remaps", "<r>&#128;</r>", /not a valid character reference/],
  ])("refuses %s", (_what, xml, message) => {
    expect(brokenBy(xml, { html: true })).toMatch(message);
    expect(() => events(xml)).not.toThrow();
  });
});
