import { useEffect, useRef, type ReactNode } from 'react';

// One area of the app: an <h1> and its content. When the user moves to a screen (rather
// than opening the app on it), focus goes to the heading so a screen reader announces where
// they are and Tab continues from the top of the new content.

export function Screen({ title, focusOnMount, children }: { title: string; focusOnMount: boolean; children: ReactNode }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnMount) headingRef.current?.focus();
  }, [focusOnMount]);
  return (
    <div className="screen">
      <h1 ref={headingRef} tabIndex={-1} className="screen-title">
        {title}
      </h1>
      {children}
    </div>
  );
}
