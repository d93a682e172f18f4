import { describe, expect, it } from "vitest";
import { isInputError } from "../errors.ts";
import { xmlLimits } from "./xml-limits.ts";
import { readXml } from "./xml-reader.ts";

/** Reads `xml` into a list of events: "<name a=v …>", "</name>", "text". */
function events(xml: string, names: string[] = []): string[] {
  const out: string[] = [];
  readXml(xml, "test", {
    open(name, a) {
      const attrs = names.map((n) => ` ${n}=${JSON.stringify(a.get(n) ?? null)}`).join("");
      out.push(`<${name}${attrs}>`);
    },
    close: (name) => out.push(`</${name}>`),
    text: (t) => out.push(t),
  });
  return out;
}

/** The message of the malformed-input error reading `xml` throws; fails when it throws none. */
function brokenBy(xml: string): string {
  try {
    events(xml);
  } catch (error) {
    if (isInputError(error) && error.code === "malformed") return error.message;
    throw error;
  }
  throw new Error(`read without error: ${xml.slice(0, 200)}`);
}

describe("readXml", () => {
  it("reads elements by local name, attributes by the name written, and decoded text", () => {
    const xml = `<?xml version="1.0"?>\n<!DOCTYPE r>\n<!-- c --><x:r xmlns:x="u" x:a='1' b="&lt;&#65;&#x42;&amp;">t &gt; &apos;u&quot;<e/><![CDATA[<raw>]]></x:r>\n`;
    expect(events(xml, ["a", "x:a", "b"])).toEqual([
      '<r a=null x:a="1" b="<AB&">',
      "t > 'u\"",
      "<e a=null x:a=null b=null>",
      "</e>",
      "<raw>",
      "</r>",
    ]);
  });

  it("reads numbers from attribute values as Number does", () => {
    const got: number[] = [];
    readXml('<r a="12" c="1e2" d=" 7" e="&#49;2" f="0x1F" g="12345678901234567890"/>', "test", {
      open(_name, a) {
        for (const n of ["a", "c", "d", "e", "f", "g", "none"]) got.push(a.number(n));
      },
      close() {},
    });
    expect(got).toEqual([12, 100, 7, 12, 31, Number("12345678901234567890"), Number.NaN]);
  });

  it("normalises line ends in text, and line ends and tabs in attribute values", () => {
    expect(events(`<r a="x\r\ny\tz&#10;">1\r\n2\r3<![CDATA[4\r\n5]]></r>`, ["a"])).toEqual([
      '<r a="x y z\\n">',
      "1\n2\n3",
      "4\n5",
      "</r>",
    ]);
  });

  it("tells a handler where the element being opened stands", () => {
    const at: string[] = [];
    readXml("<r>\n  <a/>\n  <b\n  c='1'/></r>", "test", {
      open: (_name, a) => at.push(a.position()),
      close() {},
    });
    expect(at).toEqual(["line:col 1:3", "line:col 2:6", "line:col 4:9"]);
  });

  it("reads a document type declaration with a name and an external identifier", () => {
    for (const doctype of [
      "<!DOCTYPE r>",
      '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">',
      "<!DOCTYPE r SYSTEM 'r.dtd' >",
    ])
      expect(events(`${doctype}<r/>`)).toEqual(["<r>", "</r>"]);
  });

  it.each([
    ["a mismatched end tag", "<r>\n<a><b></a></r>", /an end tag while <b> is open \(line:col 2:10\)/],
    ["an unclosed root", "<r><a></a>", /unclosed tag: r/],
    ["a stray end tag after the root", "<r></r></x>", /unmatched closing tag: x/],
    ["a file cut inside a tag", '<r><a b="1', /unclosed tag/],
    ["a file cut inside text", "<r>text", /unclosed tag: r/],
    ["no root at all", "<?xml version='1.0'?>", /must contain a root element/],
    ["a second root", "<r/><s/>", /only one root/],
    ["text after the root", "<r/>x", /outside of root node/],
    ["an unquoted attribute", "<r a=1/>", /unquoted attribute value/],
    ["a repeated attribute", '<r a="1" a="2"/>', /duplicate attribute: a/],
    ["attributes run together", '<r a="1"b="2"/>', /no whitespace between attributes/],
    ["an undefined entity", "<r>&nbsp;</r>", /undefined entity/],
    ["a bad character reference", "<r>&#0;</r>", /malformed character entity/],
    ["< in an attribute value", '<r a="<"/>', /disallowed character/],
    ["a stray <", "<r>a < b</r>", /disallowed character in tag name/],
    ["]]> in text", "<r>a]]>b</r>", /"]]>" is disallowed/],
    ["a forbidden control character", "<r>\u0001</r>", /disallowed character \(line:col 1:4\)/],
    ["-- inside a comment", "<r><!-- a -- b --></r>", /malformed comment/],
    ["a declaration inside the root", "<r><!DOCTYPE r></r>", /inappropriately located doctype/],
    [
      "an XML declaration not at the start",
      ' <?xml version="1.0"?><r/>',
      /XML declaration must be at the start/,
    ],
    ["a malformed doctype", "<!DOCTYPE ht html><r/>", /a malformed <!DOCTYPE>/],
  ])("refuses %s in one line with its line and column", (_what, xml, message) => {
    const error = brokenBy(xml);
    expect(error).toMatch(message);
    expect(error).toMatch(/^broken test: [^\n]* \(line:col \d+:\d+\)$/);
  });

  it("refuses an internal DTD subset before any entity it declares could be used", () => {
    const laughs = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>`;
    const xxe = `<!DOCTYPE r [<!ENTITY secret SYSTEM "file:///etc/passwd">]><r>&secret;</r>`;
    for (const xml of [laughs, xxe])
      expect(brokenBy(xml)).toMatch(/an internal DTD subset is not supported \(line:col 1:\d+\)$/);
  });

  it("passes on what a handler throws as it is", () => {
    const mine = new RangeError("mine");
    expect(() =>
      readXml("<r><a/></r>", "test", {
        open(name) {
          if (name === "a") throw mine;
        },
        close() {},
      }),
    ).toThrow(mine);
  });
});

describe("readXml limits", () => {
  it("refuses an element with more attributes than the limit, at once", () => {
    const many = Array.from({ length: 400_000 }, (_, i) => `a${i}="1"`).join(" ");
    expect(brokenBy(`<r><e ${many}/></r>`)).toMatch(
      /more than 256 attributes on one element \(line:col 1:\d+\)$/,
    );
    const enough = Array.from({ length: xmlLimits.attributes }, (_, i) => `a${i}="1"`).join(" ");
    expect(events(`<r ${enough}/>`)).toEqual(["<r>", "</r>"]);
  });

  it("refuses elements nested deeper than the limit", () => {
    const deep = (n: number) => "<a>".repeat(n) + "</a>".repeat(n);
    expect(brokenBy(deep(1_000_000))).toMatch(/elements nested more than 256 deep \(line:col 1:771\)$/);
    expect(events(deep(xmlLimits.depth))).toHaveLength(2 * xmlLimits.depth);
  });

  it("refuses an attribute value or a text longer than the limit", () => {
    const long = "x".repeat(xmlLimits.attributeLength + 1);
    expect(brokenBy(`<r a="${long}"/>`)).toMatch(/an attribute value longer than 1048576 characters/);
    expect(brokenBy(`<r>${long}</r>`)).toMatch(/a text longer than 1048576 characters/);
    expect(brokenBy(`<r><![CDATA[${long}]]></r>`)).toMatch(/a text longer than 1048576 characters/);
    const most = "x".repeat(xmlLimits.textLength);
    expect(events(`<r a="${most}">${most}</r>`)).toHaveLength(3);
  });
});
