// unicode-confusables ships its declarations under a misspelt name (index.ts.d), so TypeScript
// finds none; this declares the one function used here.
declare module 'unicode-confusables' {
  const api: {
    /** Each code point of `input`, with `similarTo` set when UTS #39 confusables.txt maps it. */
    confusables(input: string): { point: string; similarTo?: string }[];
  };
  export default api;
}
