import { SaxesParser } from "saxes";
import { InputError } from "../errors.ts";

/** Callbacks for `readXml`; element names arrive without their namespace prefix. */
export interface XmlHandlers {
  open: (name: string, attributes: Record<string, string>) => void;
  close: (name: string) => void;
  text?: (text: string) => void;
}

/**
 * Streams a strict XML document through `handlers` (saxes, no namespace processing; names and
 * attribute names lose their prefix). Broken XML is an `InputError("malformed")` whose message
 * names the line and column; `what` names the format in that message ("ALTO", "PAGE XML").
 */
export function readXml(text: string, what: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ position: true });
  const fail = (reason: string): never => {
    throw new InputError(
      "malformed",
      `broken ${what}: ${reason.replace(/^\d+:\d+:\s*/, "")} (line:col ${parser.line}:${parser.column + 1})`,
    );
  };
  parser.on("error", (error) => fail(error.message));
  parser.on("opentag", (tag) => {
    const raw = tag.attributes as Record<string, string>;
    let attributes = raw;
    // Copy only when a prefixed attribute needs renaming; most documents have none.
    for (const name in raw) {
      if (name.includes(":")) {
        attributes = {};
        for (const key in raw) attributes[localName(key)] = raw[key]!;
        break;
      }
    }
    handlers.open(localName(tag.name), attributes);
  });
  parser.on("closetag", (tag) => handlers.close(localName(tag.name)));
  const onText = handlers.text;
  if (onText) {
    parser.on("text", onText);
    parser.on("cdata", onText);
  }
  try {
    parser.write(text).close();
  } catch (error) {
    if (error instanceof InputError) throw error;
    fail(error instanceof Error ? error.message : String(error));
  }
}

function localName(name: string): string {
  const colon = name.indexOf(":");
  return colon < 0 ? name : name.slice(colon + 1);
}
