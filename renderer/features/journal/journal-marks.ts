// Performance marks the journal sets, for benchmarks (tests/bench/journal.bench.ts reads
// them in Chromium). Plain .ts so the bench runner can import it under Node.

/** The list has drawn its first rows. */
export const JOURNAL_LIST_RENDERED_MARK = 'attune-journal-list-rendered';
/** Search results for the current text are on screen (detail: the text). */
export const JOURNAL_SEARCH_SHOWN_MARK = 'attune-journal-search-shown';
