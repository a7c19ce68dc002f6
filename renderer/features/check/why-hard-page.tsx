import { WHY_HARD_WORDS as WORDS } from '../../../shared/content/check-steps-copy.ts';
import { closeCheckPage } from './check-page.ts';
import { StepHeading } from './step-parts.tsx';

// The optional "Why this can be hard" page, opened from the check's feeling question and its
// grounding for going quiet: the article's two ways of being overwhelmed (flooding the space,
// shutting down), as protection rather than a type of person, what helps each, and that
// partners often differ. Reading it never stops a running check.

export function WhyHardPage() {
  return (
    <article className="check-step why-hard" data-testid="why-hard">
      <StepHeading>{WORDS.heading}</StepHeading>
      <p className="lead">{WORDS.lead}</p>
      {WORDS.sections.map((section) => (
        <section key={section.title}>
          <h3>{section.title}</h3>
          <p>{section.text}</p>
        </section>
      ))}
      <p className="section-note">{WORDS.notADiagnosis}</p>
      <div className="check-actions">
        <button type="button" className="button" onClick={closeCheckPage}>
          {WORDS.back}
        </button>
      </div>
    </article>
  );
}
