import { useId, useState } from 'react';
import { CURIOUS_PHRASES, PARTNER_CARD_WORDS as WORDS, PARTNER_CUES } from '../../../shared/content/partner-noticing.ts';
import './partner-noticing.css';

// The conversation's quiet aid for noticing your partner: closed until asked for, so the
// screen stays about your own body first. It only shows words; it records nothing about the
// partner. Whether it is open is kept for this window's life (sessionStorage), so after a
// break the conversation comes back the way the user left it, and a new start begins closed.

const OPEN_KEY = 'attune.partnerCardOpen';

function readOpen(): boolean {
  try {
    return window.sessionStorage.getItem(OPEN_KEY) === 'true';
  } catch {
    return false;
  }
}

function rememberOpen(open: boolean): void {
  try {
    window.sessionStorage.setItem(OPEN_KEY, String(open));
  } catch {
    // Storage refused (a locked-down profile): the card simply starts closed next time.
  }
}

export function PartnerCard() {
  const [open, setOpen] = useState(readOpen);
  const bodyId = useId();
  const toggle = () => {
    setOpen(!open);
    rememberOpen(!open);
  };
  return (
    <section className="partner-card" aria-labelledby={`${bodyId}-toggle`}>
      <button type="button" id={`${bodyId}-toggle`} className="partner-card-toggle" aria-expanded={open} aria-controls={bodyId} onClick={toggle}>
        <span className="partner-card-chevron" aria-hidden="true" />
        {WORDS.toggle}
      </button>
      <div id={bodyId} className="partner-card-body" hidden={!open}>
        {open && (
          <>
            <p className="partner-card-lead">{WORDS.lead}</p>
            <div className="partner-card-columns">
              <div>
                <h3 className="partner-card-heading">{WORDS.cuesHeading}</h3>
                <ul className="partner-card-list">
                  {PARTNER_CUES.map((cue) => (
                    <li key={cue.id}>{cue.label}</li>
                  ))}
                </ul>
              </div>
              <div>
                <h3 className="partner-card-heading">{WORDS.phrasesHeading}</h3>
                <ul className="partner-card-list partner-card-phrases">
                  {CURIOUS_PHRASES.map((phrase) => (
                    <li key={phrase}>“{phrase}”</li>
                  ))}
                </ul>
              </div>
            </div>
          </>
        )}
      </div>
    </section>
  );
}
