/**
 * Whether a drizzle-kit `schema` entry already includes a file: the same path, the folder holding it, or a
 * glob matching it. drizzle-kit expands globs and reads the files directly inside a folder entry (not its
 * subfolders), so adding the file next to an entry that covers it would only list it twice.
 */
export function schemaPathCovers(entry: string, file: string): boolean {
  const pattern = normalize(entry);
  const target = normalize(file);
  if (pattern === target) return true;
  if (/[*?{[]/.test(pattern)) return globToRegExp(pattern).test(target);
  // A folder entry has no extension in its last segment: `./src/db` or `./src/db/`.
  const folder = pattern.replace(/\/+$/, "");
  const isFolder = entry.endsWith("/") || !/\.[cm]?[jt]sx?$/.test(folder);
  const parent = target.includes("/") ? target.slice(0, target.lastIndexOf("/")) : "";
  return isFolder && folder === parent;
}

function normalize(path: string): string {
  return path.replace(/\\/g, "/").replace(/^(\.\/)+/, "").replace(/\/{2,}/g, "/");
}

/** A minimal glob: `**` crosses folders, `*` and `?` stay inside one, `{a,b}` alternates, `[abc]` is a class. */
function globToRegExp(glob: string): RegExp {
  let pattern = "";
  for (let i = 0; i < glob.length; i++) {
    const char = glob[i]!;
    if (char === "*" && glob[i + 1] === "*") {
      const slash = glob[i + 2] === "/";
      pattern += slash ? "(?:.*/)?" : ".*";
      i += slash ? 2 : 1;
    } else if (char === "*") pattern += "[^/]*";
    else if (char === "?") pattern += "[^/]";
    else if (char === "{") pattern += "(?:";
    else if (char === "}") pattern += ")";
    else if (char === "," && /\{[^}]*$/.test(glob.slice(0, i))) pattern += "|";
    else if (char === "[") {
      const end = glob.indexOf("]", i);
      pattern += end === -1 ? "\\[" : glob.slice(i, end + 1);
      i = end === -1 ? i : end;
    } else pattern += char.replace(/[.+^$()|\\]/g, "\\$&");
  }
  return new RegExp(`^${pattern}$`);
}
