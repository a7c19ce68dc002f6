import type { MouseEvent, ReactNode } from 'react';
import { goTo, journalHash, type JournalPath } from './journal-path.ts';

/** A link to a place in the journal: a real href (open, copy) that moves in place on a plain click. */
export function JournalLink({ to, className, children }: { to: JournalPath; className?: string; children: ReactNode }) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    goTo(to);
  };
  return (
    <a href={journalHash(to)} className={className} onClick={onClick}>
      {children}
    </a>
  );
}
