import { Project, ts, type SourceFile } from "ts-morph";

/**
 * Parses one file's text into a ts-morph SourceFile that lives only in memory. Edits and detection read
 * syntax, never types, so nothing is resolved or loaded from disk and parsing stays in the milliseconds.
 * The file name matters: its extension tells TypeScript whether the text is TS, TSX, JS or JSX.
 */
export function parseSource(fileName: string, text: string): SourceFile {
  return parseSources([{ path: fileName, text }])[0]!;
}

/** Several files in one in-memory project, so that re-exports between them can be followed. */
export function parseSources(files: ReadonlyArray<{ path: string; text: string }>): SourceFile[] {
  const project = new Project({
    useInMemoryFileSystem: true,
    skipLoadingLibFiles: true,
    compilerOptions: { allowJs: true, jsx: ts.JsxEmit.Preserve, noLib: true },
  });
  return files.map((file) => project.createSourceFile(`/${file.path.replace(/^\/+/, "")}`, file.text, { overwrite: true }));
}
