// @vitest-environment jsdom
/**
 * The figure frame mounts its widget when the figure comes near the viewport or the page is printed, keeps it
 * mounted after that, and contains a widget that throws.
 */
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WidgetFrame } from '../../src/widgets/WidgetFrame';

/** A stand-in IntersectionObserver the test drives by hand. */
class FakeObserver {
  static instances: FakeObserver[] = [];
  readonly targets = new Set<Element>();
  disconnected = false;
  constructor(
    private readonly callback: IntersectionObserverCallback,
    readonly options?: IntersectionObserverInit,
  ) {
    FakeObserver.instances.push(this);
  }
  observe(target: Element) {
    this.targets.add(target);
  }
  unobserve(target: Element) {
    this.targets.delete(target);
  }
  disconnect() {
    this.disconnected = true;
    this.targets.clear();
  }
  report(isIntersecting: boolean) {
    const entries = [...this.targets].map(
      (target) => ({ target, isIntersecting }) as IntersectionObserverEntry,
    );
    this.callback(entries, this as unknown as IntersectionObserver);
  }
}

function Body() {
  return <p>live widget</p>;
}

function Broken(): never {
  throw new Error('no weights');
}

beforeEach(() => {
  FakeObserver.instances = [];
  vi.stubGlobal('IntersectionObserver', FakeObserver);
});

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const frame = (children = <Body />) =>
  render(
    <WidgetFrame kind="demo" id="demo-fig" lang="en" number="1.2" caption="A demo">
      {children}
    </WidgetFrame>,
  );

describe('WidgetFrame', () => {
  it('shows the caption and a placeholder until the figure comes within a screen of the viewport', () => {
    frame();
    expect(screen.getByRole('figure', { name: /^Figure\s1\.2 A demo$/ })).toBeTruthy();
    expect(screen.getByText('Loading the live figure…')).toBeTruthy();
    expect(screen.queryByText('live widget')).toBeNull();
    const [observer] = FakeObserver.instances;
    expect(observer.options?.rootMargin).toBe('100% 0px 100% 0px');
    act(() => observer.report(false));
    expect(screen.queryByText('live widget')).toBeNull();
    act(() => observer.report(true));
    expect(screen.getByText('live widget')).toBeTruthy();
    expect(screen.queryByText('Loading the live figure…')).toBeNull();
    // Mounted for good: the observer is gone, so scrolling away cannot unmount the widget and lose its state.
    expect(observer.disconnected).toBe(true);
  });

  it('mounts every figure before the page prints', () => {
    frame();
    expect(screen.queryByText('live widget')).toBeNull();
    act(() => {
      window.dispatchEvent(new Event('beforeprint'));
    });
    expect(screen.getByText('live widget')).toBeTruthy();
  });

  it('mounts at once where IntersectionObserver is missing', () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    frame();
    expect(screen.getByText('live widget')).toBeTruthy();
  });

  it('keeps a widget that throws inside its figure, with the reason and a reset', () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    frame(<Broken />);
    act(() => FakeObserver.instances[0].report(true));
    expect(screen.getByRole('alert').textContent).toContain('This figure stopped working: no weights');
    expect(screen.getByRole('button', { name: 'Reset the figure' })).toBeTruthy();
    vi.restoreAllMocks();
  });
});
