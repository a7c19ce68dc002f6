import { useId, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { toCsv, type CsvCell } from '../../../shared/trends/csv.ts';
import { ChartWidth } from './charts.tsx';
import { downloadCsv, saveSvgAsPng } from './export.ts';

// One chart with everything that makes it usable by everyone: a heading, a plain-words
// summary (what a screen reader user gets instead of the picture), the chart, its data as a
// table behind a disclosure (rendered only when opened: five years is thousands of rows),
// and the two ways to take it away (CSV of all the data, PNG of the picture).

export type ChartTable = {
  caption: string;
  headers: readonly string[];
  rows: readonly (readonly CsvCell[])[];
  /** Per row, where "Open" leads (a session's detail), or null. Not exported to CSV. */
  links?: readonly (string | null)[];
};

export function ChartCard({
  id,
  title,
  summary,
  table,
  children,
  below,
  empty,
}: {
  id: string;
  title: string;
  summary: ReactNode;
  table: ChartTable;
  children: ReactNode;
  /** Interactive things drawn under the chart on its time axis (journal markers). */
  below?: ReactNode;
  /** When set, the chart is replaced by this explanation of what is missing. */
  empty?: ReactNode;
}) {
  const headingId = useId();
  const chartRef = useRef<HTMLDivElement>(null);
  const [tableOpen, setTableOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const fileBase = `attune-${id}`;
  const width = useBoxWidth(chartRef);

  const savePng = async () => {
    setProblem(null);
    const svg = chartRef.current?.querySelector<SVGSVGElement>('.recharts-wrapper > svg.recharts-surface');
    if (!svg) {
      setProblem('There is no picture to save yet.');
      return;
    }
    try {
      await saveSvgAsPng(svg, `${fileBase}.png`, title);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'The image could not be saved.');
    }
  };

  return (
    <section className="trend-card" aria-labelledby={headingId} data-chart={id}>
      <h2 id={headingId}>{title}</h2>
      <div className="trend-summary">{summary}</div>
      {empty ? (
        <p className="trend-empty">{empty}</p>
      ) : (
        <div className="trend-chart" ref={chartRef} role="img" aria-label={`${title}: chart. The summary above and the table below hold the same information.`}>
          <ChartWidth value={width}>{children}</ChartWidth>
        </div>
      )}
      {!empty && below}
      <div className="trend-actions">
        <details className="trend-table" onToggle={(event) => setTableOpen((event.target as HTMLDetailsElement).open)}>
          <summary>Show the data as a table ({table.rows.length} {table.rows.length === 1 ? 'row' : 'rows'})</summary>
          {tableOpen && (
            <div className="trend-table-scroll" tabIndex={0} role="region" aria-label={`${title}: table`}>
              <table>
                <caption>{table.caption}</caption>
                <thead>
                  <tr>
                    {table.headers.map((header) => (
                      <th key={header} scope="col">
                        {header}
                      </th>
                    ))}
                    {table.links && <th scope="col">Detail</th>}
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map((row, i) => (
                    <tr key={i}>
                      {row.map((value, j) => (
                        <td key={j}>{value ?? '–'}</td>
                      ))}
                      {table.links && <td>{table.links[i] ? <a href={table.links[i] ?? undefined}>Open</a> : '–'}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </details>
        <div className="button-row trend-export">
          <button type="button" className="button button-quiet" disabled={table.rows.length === 0} onClick={() => downloadCsv(toCsv(table.headers, table.rows), `${fileBase}.csv`)}>
            Export CSV<span className="trends-sr-only"> of {title}</span>
          </button>
          {!empty && (
            <button type="button" className="button button-quiet" onClick={() => void savePng()}>
              Save as PNG<span className="trends-sr-only"> of {title}</span>
            </button>
          )}
        </div>
      </div>
      {problem && (
        <p className="trend-problem" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}

/** The element's content width, measured before paint and kept current as the window resizes. */
function useBoxWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    setWidth(element.clientWidth);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}
