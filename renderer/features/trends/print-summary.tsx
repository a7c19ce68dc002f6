import Printer from 'lucide-react/icons/printer';
import { useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { PrintPreview } from '../../components/print-preview.tsx';
import type { trendsOverviewModel } from '../../../shared/trends/overview-model.ts';
import { CalmDownChart, ChartWidth, SignsChart, StartAfterChart } from './charts.tsx';
import './print-summary.css';

// A one-page summary of the range on screen, for the user or their counsellor: the headline,
// calm-down time, heart rate at the start of a check and after regulating, and the weekly
// signs of progress. It opens in the shared print preview (components/print-preview.tsx): a
// preview of exactly the page that prints; "Print…" hands it to the system's print window,
// which also offers to save it as a PDF. Nothing is sent anywhere: the page only leaves the
// computer if the user sends the paper or the file.
//
// The charts are drawn at a fixed width for the page (not the window's), all at once: on
// paper nothing waits to be scrolled near.

type OverviewView = ReturnType<typeof trendsOverviewModel>;

// Widths the charts are drawn at: A4's printable width at 96 px an inch is about 720 px.
// The calm-down chart takes the whole width; heart rate and the signs share a row, so the
// page stays one page (stacked, the three charts were 1,300 px tall; a page holds ~1,040).
const PRINT_WIDTH_PX = 660;
const PRINT_HALF_WIDTH_PX = 320;

const printedOn = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });
const noSessionToOpen = () => {};

export function PrintSummary({ view, nowMs }: { view: OverviewView; nowMs: number }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="button button-quiet print-summary-open" onClick={() => setOpen(true)}>
        <Printer aria-hidden="true" size={18} />
        Print a summary…
      </button>
      {open && createPortal(<SummaryPreview view={view} nowMs={nowMs} onClose={() => setOpen(false)} />, document.body)}
    </>
  );
}

function SummaryPreview({ view, nowMs, onClose }: { view: OverviewView; nowMs: number; onClose: () => void }) {
  return (
    <PrintPreview
      className="print-summary"
      title="Your summary, ready to print"
      intro="This is the page that prints. Your system’s print window can also save it as a PDF. It stays on this computer unless you choose to share it."
      onClose={onClose}
    >
      <PrintPage view={view} nowMs={nowMs} />
    </PrintPreview>
  );
}

/** The page itself: what the printer gets. */
function PrintPage({ view, nowMs }: { view: OverviewView; nowMs: number }) {
  const { calm, startAfter, signs, domain } = view;
  return (
    <article className="print-page" aria-label="The page that prints">
      <header className="print-page-header">
        <h1>How I find my way back to calm</h1>
        <p className="print-page-range">
          {/* Dates rather than "the last 12 months": the paper is read later, by someone else too. */}
          {printedOn.format(domain[0])} to {printedOn.format(domain[1])}
          {view.tagWords} · printed {printedOn.format(nowMs)}
        </p>
      </header>
      <section className="print-page-headline">
        <p className="print-page-headline-text">{view.sentence.headline}</p>
        <p>{view.sentence.detail}</p>
      </section>
      <PrintChart title="Calm-down time per session" summary={calm.summary} empty={calm.empty} widthPx={PRINT_WIDTH_PX}>
        <CalmDownChart data={calm.drawn} spread={calm.spread} mode={calm.mode} bucket={calm.spreadBucket} domain={domain} onOpen={noSessionToOpen} />
      </PrintChart>
      <div className="print-page-pair">
        <PrintChart title="Heart rate at the start of a check and after regulating" summary={startAfter.summary} empty={startAfter.empty} widthPx={PRINT_HALF_WIDTH_PX}>
          <StartAfterChart data={startAfter.drawn} domain={domain} />
        </PrintChart>
        <PrintChart title="Signs of progress, as I rated them (1 to 5)" summary={signs.summary} empty={signs.empty} widthPx={PRINT_HALF_WIDTH_PX}>
          <SignsChart data={signs.drawn} domain={domain} />
        </PrintChart>
      </div>
      <footer className="print-page-footer">
        From Attune, kept on my own computer. These are my own readings compared only with myself: rules of thumb to notice patterns, not a medical
        assessment.
      </footer>
    </article>
  );
}

function PrintChart({ title, summary, empty, widthPx, children }: { title: string; summary: string; empty: string | undefined; widthPx: number; children: ReactNode }) {
  return (
    <section className="print-chart">
      <h2>{title}</h2>
      <p className="print-chart-summary">{summary}</p>
      {empty ? (
        <p className="print-chart-empty">{empty}</p>
      ) : (
        <div className="print-chart-picture">
          <ChartWidth value={widthPx}>{children}</ChartWidth>
        </div>
      )}
    </section>
  );
}
