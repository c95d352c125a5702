/** `1 tool`, `3 tools`; `words` for irregular plurals (`1 is`, `2 are` style phrases included). */
export const plural = (n: number, word: string, words = `${word}s`): string =>
  `${n} ${n === 1 ? word : words}`;
