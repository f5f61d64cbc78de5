/**
 * Turns a template's path (relative to its template folder) into the path it is written to:
 * - `__name__` segments or parts take the value of `pathVars.name`; a segment that becomes empty disappears,
 *   so `__src__/app/page.tsx` is `src/app/page.tsx` or `app/page.tsx`;
 * - a segment starting with `dot-` becomes a dotfile (`dot-gitignore` → `.gitignore`), because package
 *   managers drop real dotfiles from published packages;
 * - a trailing `.hbs` marks a file to render and is removed.
 */
export function toOutputPath(templatePath: string, pathVars: Record<string, string>): string {
  const segments = templatePath.split("/").map((segment) =>
    segment.replace(/__([A-Za-z][A-Za-z0-9]*)__/g, (_match, name: string) => {
      const value = pathVars[name];
      if (value === undefined) {
        throw new Error(`unknown path variable "__${name}__" (known: ${Object.keys(pathVars).join(", ") || "none"})`);
      }
      if (value !== "" && (!/^[A-Za-z0-9._-]+$/.test(value) || value === "." || value === "..")) {
        throw new Error(`path variable "__${name}__" has the value ${JSON.stringify(value)}, which is not a plain file name`);
      }
      return value;
    }),
  );
  return segments
    .filter((segment) => segment !== "")
    .map((segment) => (segment.startsWith("dot-") ? `.${segment.slice(4)}` : segment))
    .join("/")
    .replace(/\.hbs$/, "");
}

export function isRenderedTemplate(templatePath: string): boolean {
  return templatePath.endsWith(".hbs");
}
