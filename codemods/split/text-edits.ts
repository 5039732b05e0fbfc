/** The text edits a rewrite makes to a function body: replace `[start, end)` (source offsets) with `text`. */
export interface Edit {
  start: number;
  end: number;
  text: string;
}

/** `text` (which starts at `offset` in its file) with the edits that fall inside it applied. */
export function applyEdits(text: string, offset: number, edits: Edit[]): string {
  let out = text;
  const inside = edits.filter((e) => e.start >= offset && e.end <= offset + text.length).sort((a, b) => b.start - a.start);
  for (const edit of inside) out = out.slice(0, edit.start - offset) + edit.text + out.slice(edit.end - offset);
  return out;
}
