/** `getUsersById` → `get-users-by-id`, for file names. */
export const kebab = (name: string) => name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();

/** `name`, or `name2`, `name3`… when it is taken. */
export function freeName(name: string, taken: ReadonlySet<string>): string {
  let candidate = name;
  for (let n = 2; taken.has(candidate); n++) candidate = `${name}${n}`;
  return candidate;
}

/** The same, and the result is taken from then on. */
export function unique(names: Set<string>, name: string): string {
  const candidate = freeName(name, names);
  names.add(candidate);
  return candidate;
}
