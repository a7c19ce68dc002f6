// The line that follows a delete to the trash, in the journal and in the sessions list: what
// went, that it can come back for 30 days, Undo, and a way to dismiss it. Its status region is
// always in the page, so screen readers announce the line when it appears.

export function TrashedNotice({ label, onUndo, onDismiss }: { label: string | null; onUndo: () => void; onDismiss: () => void }) {
  return (
    <div role="status" className={label === null ? undefined : 'trashed-notice'}>
      {label !== null && (
        <>
          <span>“{label}” was moved to the trash. You can bring it back for 30 days.</span>
          <button type="button" className="button button-quiet" onClick={onUndo}>
            Undo
          </button>
          <button type="button" className="icon-button" aria-label="Dismiss" onClick={onDismiss}>
            ×
          </button>
        </>
      )}
    </div>
  );
}
