import type { ReactNode } from 'react';
import { JournalLink } from './journal-link.tsx';

// What journal pages show the same way: the way back to the list at the top, a page about one
// record (an entry, a session) titled by it, and why the last thing asked of main did not happen.

export function BackToList() {
  return (
    <p className="journal-back">
      <JournalLink to={{ view: 'list' }}>← All entries</JournalLink>
    </p>
  );
}

/** A page about one record: the way back, its title as the page's heading, then what it shows. */
export function RecordPage({ className, titleId, title, children }: { className: string; titleId: string; title: string; children: ReactNode }) {
  return (
    <article className={className} aria-labelledby={titleId}>
      <BackToList />
      <h2 id={titleId} className="journal-view-title">
        {title}
      </h2>
      {children}
    </article>
  );
}

/** The reason something failed, announced as it appears; nothing when there is none. */
export function ProblemAlert({ problem }: { problem: string | null }) {
  return problem ? (
    <p className="field-error" role="alert">
      {problem}
    </p>
  ) : null;
}
