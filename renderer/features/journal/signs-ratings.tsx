import { SIGNS_OF_PROGRESS, SIGNS_SCALE_WORDS, signsRatingText } from '../../../shared/content/signs-of-progress.ts';

// A weekly signs entry's five ratings (`signsRating`, one 1–5 value per sign in
// SIGNS_OF_PROGRESS order): in full on the entry, in one line on the journal's list.

type Rating = readonly number[] | null | undefined;

function complete(rating: Rating): rating is readonly number[] {
  return Array.isArray(rating) && rating.length === SIGNS_OF_PROGRESS.length;
}

/** The entry's own words, when they say more than the ratings already shown. */
export function signsNotes(text: string, rating: Rating): string {
  return complete(rating) && text.trim() === signsRatingText(rating) ? '' : text;
}

export function SignsRatings({ rating }: { rating: Rating }) {
  if (!complete(rating)) return null;
  return (
    <section className="signs-ratings" aria-labelledby="journal-entry-signs">
      <h3 id="journal-entry-signs" className="journal-subheading">
        Signs of progress, as you rated them
      </h3>
      <dl className="facts">
        {SIGNS_OF_PROGRESS.map((sign, i) => (
          <div key={sign.id}>
            <dt>{sign.short}</dt>
            <dd>
              <span className="signs-meter" aria-hidden="true">
                {[1, 2, 3, 4, 5].map((step) => (
                  <span key={step} className={step <= rating[i]! ? 'signs-meter-on' : 'signs-meter-off'} />
                ))}
              </span>
              {rating[i]} of 5, {SIGNS_SCALE_WORDS[rating[i]! - 1]?.toLowerCase()}
            </dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** "De-escalate quicker 4/5 · Partner opens up 3/5 · …" for a list row; nothing without a rating. */
export function SignsRatingLine({ rating }: { rating: Rating }) {
  if (!complete(rating)) return null;
  return (
    <span className="journal-row-signs">
      {SIGNS_OF_PROGRESS.map((sign, i) => (
        <span key={sign.id} className="journal-row-sign">
          {sign.short} <strong>{rating[i]}</strong>
          <span aria-hidden="true">/5</span>
          <span className="visually-hidden"> of 5</span>
          {i < SIGNS_OF_PROGRESS.length - 1 ? <span aria-hidden="true"> · </span> : null}
        </span>
      ))}
    </span>
  );
}
