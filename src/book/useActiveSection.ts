import { useEffect, useState } from 'react';

/** The id of the section heading the reader is reading now (the last one scrolled past the top third). */
export function useActiveSection(ids: string[], key: string): string | undefined {
  const [active, setActive] = useState<string | undefined>(undefined);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` (the page) is a deliberate trigger.
  useEffect(() => {
    if (typeof IntersectionObserver === 'undefined' || ids.length === 0) return;
    const elements = ids
      .map((id) => document.getElementById(id))
      .filter((el): el is HTMLElement => el !== null);
    const pick = () => {
      let current: string | undefined;
      for (const element of elements) {
        if (element.getBoundingClientRect().top < window.innerHeight / 3) current = element.id;
      }
      setActive(current);
    };
    // The observer reports every heading once on its own after the next layout, which calls pick() without
    // forcing a layout of the whole chapter while the page is still loading.
    const observer = new IntersectionObserver(pick, { rootMargin: '0px 0px -66% 0px' });
    for (const element of elements) observer.observe(element);
    return () => observer.disconnect();
  }, [ids, key]);
  return active;
}
