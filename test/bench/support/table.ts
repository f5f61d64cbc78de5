export type Cell = string | number | null | undefined;

/**
 * A plain-text table: the first column left-aligned (names), the others right-aligned (figures), so that
 * columns of milliseconds line up by their decimal point when they share a precision.
 */
export function formatTable(title: string, header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const text = [header, ...rows.map((row) => row.map(formatCell))];
  const widths = header.map((_, column) => Math.max(...text.map((row) => (row[column] ?? "").length)));
  const line = (row: readonly string[]) =>
    row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join("  ");
  const rule = widths.map((width) => "-".repeat(width)).join("  ");
  return [`\n${title}`, line(text[0] ?? []), rule, ...text.slice(1).map(line)].join("\n");
}

function formatCell(cell: Cell): string {
  if (cell === null || cell === undefined) return "–";
  if (typeof cell === "string") return cell;
  if (Number.isNaN(cell)) return "–";
  if (Number.isInteger(cell)) return String(cell);
  if (Math.abs(cell) >= 100) return cell.toFixed(0);
  if (Math.abs(cell) >= 10) return cell.toFixed(1);
  return cell.toFixed(2);
}
