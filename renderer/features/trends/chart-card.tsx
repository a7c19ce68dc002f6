import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import { toCsv, type CsvCell } from '../../../shared/formats/csv.ts';
import { ChartWidth } from './charts.tsx';
import { downloadCsv, saveSvgAsPng } from './export.ts';

// One chart with everything that makes it usable by everyone: a heading, a plain-words
// summary (what a screen reader user gets instead of the picture), the chart, its data as a
// table behind a disclosure (rendered only when opened: five years is thousands of rows),
// and the two ways to take it away (CSV of all the data, PNG of the picture).
//
// The picture is drawn when it is in the window, or soon after when it is near it: recharts
// takes a good tenth of a second per chart, and a page of seven charts drawn at once held
// the first one back by a second. Everything else (the heading, the summary, the table, the
// export) is there from the start, so a screen reader or keyboard user misses nothing; the
// chart's box keeps its height while it waits, so nothing moves when it is drawn.

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
  drawAtOnce = false,
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
  /**
   * Draw at once wherever the card sits, and count for the painted mark: the chart the
   * page's headline is about. With the controls above it, its top can fall just below the
   * fold of a small window, and it was then drawn (and the page marked painted) by chance.
   */
  drawAtOnce?: boolean;
}) {
  const headingId = useId();
  const chartRef = useRef<HTMLDivElement>(null);
  const [tableOpen, setTableOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const fileBase = `attune-${id}`;
  const width = useBoxWidth(chartRef);
  const [draw, drawNow] = useDrawWhenNear(chartRef, drawAtOnce);

  const savePng = async () => {
    setProblem(null);
    const svgs = [...(chartRef.current?.querySelectorAll<SVGSVGElement>('.recharts-wrapper > svg.recharts-surface') ?? [])];
    if (svgs.length === 0) {
      setProblem('There is no picture to save yet.');
      return;
    }
    try {
      await saveSvgAsPng(svgs, `${fileBase}.png`, title);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : 'The image could not be saved.');
    }
  };

  return (
    // Keyboard focus anywhere in the card (Tab onto "Save as PNG", say) draws the picture too.
    <section className="trend-card" aria-labelledby={headingId} data-chart={id} onFocus={drawNow}>
      <h2 id={headingId}>{title}</h2>
      <div className="trend-summary">{summary}</div>
      {empty ? (
        <p className="trend-empty">{empty}</p>
      ) : (
        <div className="trend-chart" ref={chartRef} data-draw-at-once={drawAtOnce || undefined} role="img" aria-label={`${title}: chart. The summary above and the table below hold the same information.`}>
          <ChartWidth value={draw ? width : 0}>{children}</ChartWidth>
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
            Export CSV<span className="sr-only"> of {title}</span>
          </button>
          {!empty && (
            <button type="button" className="button button-quiet" onClick={() => void savePng()}>
              Save as PNG<span className="sr-only"> of {title}</span>
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

/** How far outside the window a chart is drawn ahead of being scrolled to. */
const NEAR_MARGIN = '100% 0px';

/**
 * Whether to draw the chart in `ref` yet: at once when its box is in the window, in the next
 * idle moment when it is within a window's height of it (so it is ready before the user
 * scrolls there), and otherwise when it comes that near. Without IntersectionObserver
 * (tests without layout), at once.
 */
function useDrawWhenNear(ref: RefObject<HTMLElement | null>, atOnce: boolean): [boolean, () => void] {
  const [draw, setDraw] = useState(() => atOnce || typeof IntersectionObserver === 'undefined');
  const drawNow = useCallback(() => setDraw(true), []);
  useLayoutEffect(() => {
    const element = ref.current;
    if (draw || !element) return;
    // In the window already: drawn in this very render, before the first paint.
    if (isInWindow(element.getBoundingClientRect())) {
      setDraw(true);
      return;
    }
    let idle = 0;
    const observer = new IntersectionObserver(
      (entries) => {
        const entry = entries.at(-1);
        if (!entry?.isIntersecting) return;
        observer.disconnect();
        if (isInWindow(entry.boundingClientRect) || typeof window.requestIdleCallback !== 'function') setDraw(true);
        else idle = window.requestIdleCallback(() => setDraw(true), { timeout: 1000 });
      },
      { rootMargin: NEAR_MARGIN },
    );
    observer.observe(element);
    return () => {
      observer.disconnect();
      if (idle) window.cancelIdleCallback(idle);
    };
  }, [ref, draw]);
  return [draw, drawNow];
}

const isInWindow = (box: DOMRectReadOnly) => box.bottom > 0 && box.top < window.innerHeight && box.width > 0;

/**
 * Marks `mark` (benchmarks and browser tests wait for it) once every chart under `scope`
 * whose box is in the window, and every one drawn at once, has been drawn at its laid-out
 * width. Charts below the fold are
 * drawn later, when the user nears them (see useDrawWhenNear), and do not hold it back.
 */
export function useChartsInViewPaintedMark(scope: string, mark: string, deps: readonly unknown[]): void {
  useEffect(() => {
    let frame = 0;
    let tries = 0;
    const check = () => {
      const charts = [...document.querySelectorAll<HTMLElement>(`${scope} .trend-chart`)].filter((chart) => chart.dataset.drawAtOnce !== undefined || isInWindow(chart.getBoundingClientRect()));
      // The chart's own surface (legend icons are surfaces too), at the width its box has:
      // before the size is known, and before it is drawn, the box holds a placeholder.
      const drawn = charts.every((chart) => {
        const svg = chart.querySelector('.recharts-wrapper > svg.recharts-surface');
        const width = Number(svg?.getAttribute('width') ?? 0);
        return width > 0 && Math.abs(width - chart.clientWidth) <= 2;
      });
      if (drawn || tries > 600) {
        performance.clearMarks(mark);
        performance.mark(mark);
        return;
      }
      tries += 1;
      frame = requestAnimationFrame(check);
    };
    frame = requestAnimationFrame(check);
    return () => cancelAnimationFrame(frame);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller's deps say when the charts changed
  }, deps);
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
