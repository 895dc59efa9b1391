// A bounded memo for what the engine derives from a string again and again
// (a page repeats its names and subjects; the content script lives for many
// pages): answers are kept until there are `limit` of them, then dropped all
// at once, so memory stays bounded without the bookkeeping of an LRU.

/** `derive` remembered per key. `derive` must not return undefined (use null for "none"). */
export function remembered<V>(derive: (key: string) => V, limit = 5000): (key: string) => V {
  const cache = new Map<string, V>();
  return (key) => {
    let v = cache.get(key);
    if (v === undefined) {
      if (cache.size >= limit) cache.clear();
      v = derive(key);
      cache.set(key, v);
    }
    return v;
  };
}
