import { CANCEL_WORDS } from '../../../../shared/content/check-steps-copy.ts';
import { useCheck } from '../check-context.tsx';

// The quiet way out that most steps offer: it ends the check (or the break) from wherever it is,
// keeping what was recorded.

export function CancelButton({ label = CANCEL_WORDS.stop }: { label?: string }) {
  const { send } = useCheck();
  return (
    <button type="button" className="button button-quiet" onClick={() => send({ type: 'cancel' })}>
      {label}
    </button>
  );
}
