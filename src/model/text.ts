/**
 * `text` without the run of characters matching `char` (a one-character class) at its end,
 * walked back from the end. A pattern such as `[,;:]+$` is tried at every character of such a
 * run that other text follows, which costs the square of the run's length (an AKN phrase of
 * 1,000 commas took 3 ms a paragraph; 50,000 took 8 s).
 */
export function trimEndWhere(text: string, char: RegExp): string {
  let end = text.length;
  while (end > 0 && char.test(text[end - 1]!)) end--;
  return end === text.length ? text : text.slice(0, end);
}
