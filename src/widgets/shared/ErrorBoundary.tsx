import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What to show instead of the children after a render error; `reset` mounts them afresh. */
  fallback: (error: Error, reset: () => void) => ReactNode;
  children: ReactNode;
}

interface State {
  error: Error | null;
  generation: number;
}

/** Keeps one failing figure from taking the page down. */
export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null, generation: 0 };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    // Visible in the console for whoever reports the bug; the reader sees the fallback.
    console.warn('A figure failed:', error, info.componentStack);
  }

  reset = () => this.setState((state) => ({ error: null, generation: state.generation + 1 }));

  render() {
    if (this.state.error) return this.props.fallback(this.state.error, this.reset);
    // A new key after a reset remounts the subtree, so its store starts from defaults.
    return <div key={this.state.generation}>{this.props.children}</div>;
  }
}
