import { useEffect, useId, useRef, type ReactNode } from 'react';
import './print-preview.css';

// A page to print, shown first as a preview of exactly what prints: a native modal dialog
// (focus stays inside, Escape closes it, focus returns to the button that opened it) with
// "Print…" and "Close" above the page. "Print…" hands it to the system's print window, which
// also offers to save it as a PDF; nothing is sent anywhere. While it is open only the page
// prints, always on light paper (print-preview.css). Trends' summary and an agreement use it.

export function PrintPreview({
  title,
  intro,
  className,
  onClose,
  children,
}: {
  title: string;
  intro: string;
  /** The preview's own class, for what it prints (its page's styles). */
  className: string;
  onClose: () => void;
  /** The page itself: an element with the `print-page` class. */
  children: ReactNode;
}) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const introId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (typeof dialog.showModal === 'function') dialog.showModal();
    else dialog.setAttribute('open', '');
    const closed = () => onClose();
    dialog.addEventListener('close', closed);
    return () => dialog.removeEventListener('close', closed);
  }, [onClose]);

  return (
    <dialog ref={dialogRef} className={`print-preview ${className}`} aria-labelledby={titleId} aria-describedby={introId}>
      <div className="print-preview-actions">
        <div>
          <h2 id={titleId}>{title}</h2>
          <p id={introId}>{intro}</p>
        </div>
        <div className="print-preview-buttons">
          <button type="button" className="button" onClick={() => window.print()} autoFocus>
            Print…
          </button>
          <button type="button" className="button button-quiet" onClick={() => dialogRef.current?.close()}>
            Close
          </button>
        </div>
      </div>
      {children}
    </dialog>
  );
}
