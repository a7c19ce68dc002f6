import Copy from 'lucide-react/icons/copy';
import Printer from 'lucide-react/icons/printer';
import { useCallback, useState } from 'react';
import { createPortal } from 'react-dom';
import { agreementAsText, agreementDates, AGREEMENT_SHARE_WORDS as WORDS } from '../../../shared/content/agreement-share.ts';
import type { Agreement } from '../../../shared/model/agreement.ts';
import { PrintPreview } from '../../components/print-preview.tsx';
import { formatDate } from './journal-data.tsx';
import './agreement-print.css';

// An agreement to share with your partner: copied as plain text (the window's own clipboard,
// written on the user's press; main allows the window to write to it, never to read it), or
// printed on one light page through the shared print preview. Copying says whether it worked.

type CopyOutcome = 'copied' | 'failed' | null;

export function AgreementShare({ agreement }: { agreement: Agreement }) {
  const [copy, setCopy] = useState<CopyOutcome>(null);
  const [printing, setPrinting] = useState(false);
  const closePrint = useCallback(() => setPrinting(false), []);

  const copyText = async () => {
    try {
      await navigator.clipboard.writeText(agreementAsText(agreement, formatDate));
      setCopy('copied');
    } catch {
      // No clipboard here, or the system refused it: say so, and how to copy by hand.
      setCopy('failed');
    }
  };

  return (
    <>
      <button type="button" className="button button-quiet button-small" onClick={() => void copyText()}>
        <Copy aria-hidden="true" size={16} />
        {WORDS.copy}
      </button>
      <button type="button" className="button button-quiet button-small" onClick={() => setPrinting(true)}>
        <Printer aria-hidden="true" size={16} />
        {WORDS.print}
      </button>
      <p className={copy === 'failed' ? 'agreement-share-status field-error' : 'agreement-share-status'} role="status">
        {copy === 'copied' ? WORDS.copied : copy === 'failed' ? WORDS.copyFailed : ''}
      </p>
      {printing &&
        createPortal(
          <PrintPreview className="agreement-print" title={WORDS.previewTitle} intro={WORDS.previewIntro} onClose={closePrint}>
            <article className="print-page agreement-page" aria-label="The page that prints">
              <h1>{WORDS.pageTitle}</h1>
              <blockquote className="agreement-page-words">
                <p>“{agreement.text.trim()}”</p>
              </blockquote>
              <p className="agreement-page-dates">{agreementDates(agreement, formatDate)}</p>
              <footer className="agreement-page-footer">{WORDS.footer}</footer>
            </article>
          </PrintPreview>,
          document.body,
        )}
    </>
  );
}
