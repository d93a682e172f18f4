import type { AttributeList } from "./xml-attributes.ts";
import type { AttributeLayout } from "./xml-layout.ts";

/**
 * Where a reader's attributes stand in a tag, found in one pass over the tag's names instead
 * of one search per attribute read. The answer is kept for the tag's layout (see
 * `xml-layout.ts`): the next tag with the same names, as nearly every ALTO `String` and hOCR
 * word is, reuses it without looking at a name.
 */
export class AttributeSlots {
  private readonly at: Int32Array;
  private layout: AttributeLayout | null = null;

  /** `names`: the attributes to find, by the name `AttributeList.find` takes. */
  constructor(private readonly names: readonly string[]) {
    this.at = new Int32Array(names.length);
  }

  /**
   * Per name (in the constructor's order), the position in `a` of the last attribute so named
   * (as `a.find` gives it), or -1. The array is reused by the next call.
   */
  read(a: AttributeList): Int32Array {
    const { at, names } = this;
    const layout = a.layout;
    if (layout !== null && layout === this.layout) return at;
    at.fill(-1);
    for (let i = 0; i < a.size; i++) {
      for (let k = 0; k < names.length; k++) if (a.isNamed(i, names[k]!)) at[k] = i;
    }
    this.layout = layout;
    return at;
  }
}
