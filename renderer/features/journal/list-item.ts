// The window's name for the shared rule that turns a saved entry into a list item
// (shared/journal/list-item.ts); Trends imports it from here.
export { journalListItem as listItemOf } from '../../../shared/journal/list-item.ts';
