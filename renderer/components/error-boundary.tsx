import { Component, type ErrorInfo, type ReactNode } from 'react';
import { describeError, MAX_STACK_CHARS, type ErrorReporter } from '../app/error-reporting.ts';

// Catches a render error in one part of the window so the rest keeps working, reports it
// (message and stack, no user data), and offers a calm way back.

type Props = {
  report: ErrorReporter;
  children: ReactNode;
  /** Heading level of the recovery message: 1 when it replaces a whole screen. */
  headingLevel?: 1 | 2;
};

type State = { failed: boolean };

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    const described = describeError(error, 'A part of the window failed to draw');
    const stack = [described.stack, info.componentStack].filter(Boolean).join('\n--- components ---\n');
    this.props.report(stack ? { message: described.message, stack: stack.slice(0, MAX_STACK_CHARS) } : { message: described.message });
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    const Heading = this.props.headingLevel === 1 ? 'h1' : 'h2';
    return (
      <div className="recovery" role="alert">
        <Heading className="recovery-title">This part of Attune stumbled</Heading>
        <p>
          Nothing you saved is lost. Take a breath; you can try again, or go to another area and come back.
          A short note about what went wrong was written to the log file.
        </p>
        <button type="button" className="button" onClick={() => this.setState({ failed: false })}>
          Try again
        </button>
      </div>
    );
  }
}
