import { SHORTCUT_LIST } from '../../app/shortcuts.ts';

// The keyboard shortcuts, listed from the same table the shell acts on.

export function ShortcutsSection() {
  return (
    <dl className="facts shortcut-list" data-testid="shortcut-list">
      {SHORTCUT_LIST.map(({ action, keys }) => (
        <div key={action}>
          <dt>{action}</dt>
          <dd>
            <kbd>{keys}</kbd>
          </dd>
        </div>
      ))}
    </dl>
  );
}
