import type { Box, SourceWord } from "../types.ts";
import type { GeoLine } from "./ingest.ts";

/**
 * Ingest's records — boxes, words, lines — made by constructors rather than object literals.
 * They live as long as the page is read, and V8, seeing a literal's objects outlive a
 * young-generation collection, starts allocating that literal's objects in the old generation
 * (pretenuring): there each page's die with it and wait for a full collection, and every young
 * string a word holds costs the scavenger a remembered-set entry. A constructor's objects stay
 * young. Every field is set in the constructor, in one order, so each record has one shape;
 * an undefined field reads as none to `JSON.stringify` and to `toEqual`.
 */

/** A `Box`. */
export class PageBox implements Box {
  declare x: number;
  declare y: number;
  declare w: number;
  declare h: number;

  constructor(x: number, y: number, w: number, h: number) {
    this.x = x;
    this.y = y;
    this.w = w;
    this.h = h;
  }
}

/** A `SourceWord`; `conf` undefined when the source gives none. */
export class PageWord implements SourceWord {
  declare text: string;
  declare box: Box;
  declare conf: number | undefined;

  constructor(text: string, box: Box, conf: number | undefined) {
    this.text = text;
    this.box = box;
    this.conf = conf;
  }
}

/** A `GeoLine` with every optional field present (undefined until set). */
export class PageLine implements GeoLine {
  declare id: string;
  declare text: string;
  declare box: Box | undefined;
  declare words: SourceWord[] | undefined;
  declare fontSize: number | undefined;
  declare region: string | undefined;
  declare regionType: string | undefined;
  declare blankBefore: number | undefined;
  declare hyphenated: boolean | undefined;
  declare slope: number | undefined;
  declare paragraph: string | undefined;

  constructor(id: string) {
    this.id = id;
    this.text = "";
    this.box = undefined;
    this.words = undefined;
    this.fontSize = undefined;
    this.region = undefined;
    this.regionType = undefined;
    this.blankBefore = undefined;
    this.hyphenated = undefined;
    this.slope = undefined;
    this.paragraph = undefined;
  }
}
