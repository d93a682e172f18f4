/**
 * `v` itself, made a small integer where it is one. A number parsed digit by digit, or read
 * back from a double array, is a double to the engine even when whole; stored in an object it
 * is then boxed on the heap. A page has tens of thousands of box coordinates, each of which
 * would cost an allocation and the collector's time; as small integers they cost none.
 */
export function smallInt(v: number): number {
  return (v | 0) === v ? v | 0 : v;
}
