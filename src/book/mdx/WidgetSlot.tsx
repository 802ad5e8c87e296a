/** Turns each registered widget into an MDX component: numbered frame, lazy body, honest placeholder. */
import { type ComponentType, lazy, Suspense } from 'react';
import {
  type WidgetComponent,
  type WidgetEntry,
  type WidgetName,
  widgetRegistry,
} from '../../widgets/registry';
import { WidgetFrame } from '../../widgets/WidgetFrame';
import { tFor } from '../i18n';
import { pageIndex } from '../labels';
import { usePage } from '../PageContext';

interface SlotProps {
  id: string;
  caption?: string;
  [prop: string]: unknown;
}

const lazyBodies = new Map<string, WidgetComponent>();

function bodyOf(entry: WidgetEntry): WidgetComponent | undefined {
  if (!entry.load) return undefined;
  let body = lazyBodies.get(entry.kind);
  if (!body) {
    body = lazy(entry.load);
    lazyBodies.set(entry.kind, body);
  }
  return body;
}

function makeSlot(name: WidgetName): ComponentType<SlotProps> {
  const entry: WidgetEntry = widgetRegistry[name];
  const Slot = ({ id, caption, ...props }: SlotProps) => {
    const { lang, slug } = usePage();
    if (!id) throw new Error(`<${name}> needs an id`);
    const number = pageIndex(lang, slug)?.figures[id]?.number;
    const Body = bodyOf(entry);
    return (
      <WidgetFrame kind={entry.kind} id={id} lang={lang} number={number} caption={caption}>
        {Body ? (
          <Suspense fallback={<div className="widget-placeholder">{tFor(lang)('widget.loading')}</div>}>
            <Body {...props} lang={lang} id={id} />
          </Suspense>
        ) : (
          <p className="widget-pending">{tFor(lang)('widget.pending')}</p>
        )}
      </WidgetFrame>
    );
  };
  Slot.displayName = name;
  return Slot;
}

export const widgetComponents = Object.fromEntries(
  (Object.keys(widgetRegistry) as WidgetName[]).map((name) => [name, makeSlot(name)]),
) as Record<WidgetName, ComponentType<SlotProps>>;
