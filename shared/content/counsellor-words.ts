// When a couples counsellor can help: the article ends by pointing there, and so does Attune,
// quietly. No links, no names, nothing sent: a line in About, and the same kind of line after
// the body has flooded in several recent checks (shared/trends/repeated-flooding.ts). Never
// a diagnosis, never a verdict on the relationship or on either of you.

export const COUNSELLOR_WORDS = {
  /** In Settings → About, always. */
  about:
    'When the same hard moments keep coming back, or finding each other again feels too hard to do alone, a couples counsellor can help you both. Asking for that help is a way of caring for the relationship.',
  /** On the debrief after repeated flooding: an offer, not an alarm. */
  afterRepeatedFlooding:
    'Your heart rate has run high in several of your checks these past two weeks. That happens to many couples, and it says nothing bad about either of you. If it keeps happening, talking it through together with a couples counsellor can help.',
} as const;
