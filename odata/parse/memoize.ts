/**
 * Parse-stage memo: dashboards and BI refreshes send the same query strings again and again, so the
 * parsed result of a recent string is reused instead of parsed again (a $filter with $orderby parses in
 * ~50 µs). Bounded LRU; failures are not remembered (they throw each time); results are treated as
 * immutable by every later stage. Pure: no I/O.
 */

/**
 * `const parse = memoizeParser(parseQueryOptions, 500)`; `parse('$top=1') === parse('$top=1')` → true.
 * Inputs longer than `maxInputLength` are parsed without being remembered.
 */
export function memoizeParser<V>(parse: (input: string) => V, maxEntries: number, maxInputLength = 2048): (input: string) => V {
  const recent = new Map<string, V>();
  return (input) => {
    const hit = recent.get(input);
    if (hit !== undefined) {
      recent.delete(input); // most recently used goes last
      recent.set(input, hit);
      return hit;
    }
    const value = parse(input);
    if (input.length <= maxInputLength) {
      if (recent.size >= maxEntries) {
        const oldest = recent.keys().next();
        if (!oldest.done) recent.delete(oldest.value);
      }
      recent.set(input, value);
    }
    return value;
  };
}
